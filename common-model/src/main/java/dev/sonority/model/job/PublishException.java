package dev.sonority.model.job;

/**
 * A message was not confirmed as queued: the broker could not be reached, refused it, returned it as
 * unroutable (no queue bound to its routing key), or did not confirm it in time.
 */
public class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
