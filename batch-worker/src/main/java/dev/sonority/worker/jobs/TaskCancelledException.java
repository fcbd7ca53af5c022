package dev.sonority.worker.jobs;

import java.util.UUID;

/** Thrown inside a job when its task was cancelled; the runner ends the task as CANCELLED. */
public final class TaskCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskCancelledException(UUID taskId) {
        super("task " + taskId + " was cancelled", null, false, false);
    }
}
