package dev.sonority.model.task;

/** The life of a task. The first five are Lainbow's; {@code CANCELLED} is Sonority's. */
public enum TaskStatus {
    PENDING, RUNNING, SUCCESS, FAILURE, SKIPPED, CANCELLED;

    /** Whether the task can still change: it is queued or running. */
    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }
}
