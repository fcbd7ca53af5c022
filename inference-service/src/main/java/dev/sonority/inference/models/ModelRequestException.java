package dev.sonority.inference.models;

/** A request names a model the registry cannot serve; subclasses say why (and which HTTP status fits). */
public abstract sealed class ModelRequestException extends RuntimeException
        permits ModelRequestException.Unknown, ModelRequestException.NotInstalled, ModelRequestException.Unavailable {

    private final String model;

    ModelRequestException(String model, String message) {
        super(message);
        this.model = model;
    }

    public String model() {
        return model;
    }

    /** The name is not in the manifest (HTTP 400). */
    public static final class Unknown extends ModelRequestException {
        Unknown(String model, String message) {
            super(model, message);
        }
    }

    /** Its files are not (all) in MODELS_DIR (HTTP 409, with how to install). */
    public static final class NotInstalled extends ModelRequestException {
        NotInstalled(String model, String message) {
            super(model, message);
        }

        /** The command that installs the model. */
        public String install() {
            return "./sonority models pull " + model();
        }
    }

    /** Loading it failed, or this build has no implementation of it (HTTP 503, with the reason). */
    public static final class Unavailable extends ModelRequestException {
        Unavailable(String model, String message) {
            super(model, message);
        }
    }
}
