package dev.sonority.inference.models;

/** The model manifest is missing, unreadable or invalid; reported at startup by {@link ManifestFailureAnalyzer}. */
public class ManifestException extends RuntimeException {

    private final String location;

    public ManifestException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public ManifestException(String location, String message) {
        this(location, message, null);
    }

    /** Where the manifest was read from (a file path or a classpath location). */
    public String location() {
        return location;
    }
}
