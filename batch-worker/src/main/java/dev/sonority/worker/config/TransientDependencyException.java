package dev.sonority.worker.config;

/**
 * A dependency of the work (not the work itself) failed and will come back: the message goes back to the
 * queue and nothing is marked failed. Subclassed by the clients of services the worker calls.
 */
public class TransientDependencyException extends RuntimeException {

    public TransientDependencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
