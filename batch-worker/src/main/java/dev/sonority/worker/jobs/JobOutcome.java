package dev.sonority.worker.jobs;

import dev.sonority.worker.tasks.ProgressSnapshot;

/**
 * How a job's run ended: {@link Done} (the runner marks the task SUCCESS with these counters) or
 * {@link Delegated} (child messages carry on and the last of them ends the task).
 */
public sealed interface JobOutcome {

    record Done(ProgressSnapshot result) implements JobOutcome {
    }

    record Delegated() implements JobOutcome {
    }
}
