package dev.sonority.model.inference;

import org.jspecify.annotations.Nullable;

/**
 * The inference service refused this request for a reason that retrying will not change (audio too short,
 * a model unknown, not installed or failed to load). Callers decide what a refusal means to them: the
 * worker marks the models failed for the song, search falls back to another model.
 */
public class InferenceRejectedException extends RuntimeException {

    private final int status;
    private final String detail;
    private final @Nullable String model;

    InferenceRejectedException(int status, String message, String detail, @Nullable String model) {
        super(message);
        this.status = status;
        this.detail = detail;
        this.model = model;
    }

    /** The HTTP status the service answered. */
    public int status() {
        return status;
    }

    /** The problem's {@code detail}, or the start of the body when it is not problem JSON. */
    public String detail() {
        return detail;
    }

    /** The model the refusal names, when the service names one. */
    public @Nullable String model() {
        return model;
    }
}
