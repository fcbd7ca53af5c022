package dev.sonority.worker.jobs;

import dev.sonority.model.task.TaskType;
import dev.sonority.worker.tasks.TaskStore.TaskRow;

/** One kind of top-level task the worker runs. Implementations must be idempotent: a run may be repeated. */
public interface Job {

    TaskType type();

    /**
     * Does the task's work, reporting through {@code context}.
     *
     * @throws JobFailedException when the task cannot be done (its message says why, for the user)
     * @throws TaskCancelledException when {@code context} reported a cancellation
     */
    JobOutcome run(TaskRow task, JobContext context);
}
