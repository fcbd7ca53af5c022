package dev.sonority.worker.jobs;

/** A task that cannot be done; the message is for the user (it becomes the task's message). */
public final class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message);
    }
}
