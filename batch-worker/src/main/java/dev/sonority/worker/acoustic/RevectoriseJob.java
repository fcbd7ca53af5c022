package dev.sonority.worker.acoustic;

import dev.sonority.model.task.TaskType;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The re-vectorise task: new library-wide statistics and every acoustic search vector rewritten with them
 * ({@link AcousticRevectoriser}). Started by a user ({@code POST /api/v1/batch/revectorise/run}) or by the end of
 * an analyze task when the library drifted ({@link RevectoriseTrigger}). Running it twice gives the same result.
 */
@Component
class RevectoriseJob implements Job {

    private final AcousticRevectoriser revectoriser;

    RevectoriseJob(AcousticRevectoriser revectoriser) {
        this.revectoriser = revectoriser;
    }

    @Override
    public TaskType type() {
        return TaskType.REVECTORISE;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        context.progressNow(ProgressSnapshot.of(0, 0, null, "Computing acoustic statistics"));
        AcousticRevectoriser.Result result = revectoriser.run(
                written -> context.progress(ProgressSnapshot.of((int) written, 0, null, "Rewriting search vectors")));
        String summary = "Re-vectorised " + result.songs() + " songs with new statistics"
                + (result.removedStale() > 0 ? "; removed " + result.removedStale() + " search vectors of an older layout" : "");
        return new JobOutcome.Done(ProgressSnapshot.of((int) result.songs(), 0, (int) result.songs(), summary)
                .withExtra(Map.of("songs", result.songs(), "removed_stale", result.removedStale())));
    }
}
