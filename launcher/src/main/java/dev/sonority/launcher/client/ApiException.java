package dev.sonority.launcher.client;

/** The API answered with an error status, or could not be reached. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the API could not be reached. */
    public int status() {
        return status;
    }
}
