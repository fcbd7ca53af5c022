package dev.sonority.api.tasks;

/** The broker did not confirm a job request: it refused it, returned it as unroutable, or did not answer. */
public class EnqueueException extends RuntimeException {

    public EnqueueException(String message) {
        super(message);
    }

    public EnqueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
