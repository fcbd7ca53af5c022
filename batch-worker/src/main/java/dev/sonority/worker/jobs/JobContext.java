package dev.sonority.worker.jobs;

import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore;
import java.time.Duration;
import java.util.UUID;

/**
 * What a running job reports through: progress (written at most every {@link #MIN_INTERVAL}, so a job may
 * call it per file) and cancellation, which it learns from the same write.
 */
public final class JobContext {

    static final Duration MIN_INTERVAL = Duration.ofMillis(500);

    private final UUID taskId;
    private final TaskStore tasks;
    private long lastWriteNanos;
    private ProgressSnapshot last = ProgressSnapshot.of(0, 0, null, null);

    JobContext(UUID taskId, TaskStore tasks) {
        this.taskId = taskId;
        this.tasks = tasks;
    }

    public UUID taskId() {
        return taskId;
    }

    /** Records progress; writes it when the interval has passed. */
    public void progress(ProgressSnapshot snapshot) {
        last = snapshot;
        long now = System.nanoTime();
        if (now - lastWriteNanos >= MIN_INTERVAL.toNanos()) {
            writeNow();
        }
    }

    /** Records progress and writes it at once (a job's first report, which the user should see now). */
    public void progressNow(ProgressSnapshot snapshot) {
        last = snapshot;
        writeNow();
    }

    /** Writes the last progress now and stops the job if it was cancelled. */
    private void writeNow() {
        lastWriteNanos = System.nanoTime();
        if (tasks.reportProgress(taskId, last)) {
            throw new TaskCancelledException(taskId);
        }
    }

    ProgressSnapshot last() {
        return last;
    }
}
