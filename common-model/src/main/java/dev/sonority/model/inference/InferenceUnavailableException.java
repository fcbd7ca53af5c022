package dev.sonority.model.inference;

import org.jspecify.annotations.Nullable;

/**
 * The inference service could not be reached, timed out, failed with a server error or answered something
 * unreadable: a passing outage, worth trying again later.
 */
public class InferenceUnavailableException extends RuntimeException {

    private final @Nullable Integer status;
    private final @Nullable String detail;

    InferenceUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.status = null;
        this.detail = null;
    }

    InferenceUnavailableException(int status, String message, String detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    /** The HTTP status of a failed answer; null when there was no answer (refused, reset, timed out). */
    public @Nullable Integer status() {
        return status;
    }

    /** The problem's {@code detail} of a failed answer; null when there was no answer. */
    public @Nullable String detail() {
        return detail;
    }
}
