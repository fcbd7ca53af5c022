package dev.sonority.worker.analyze;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.worker.config.WorkerProperties;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.scan.MusicRoot;
import dev.sonority.worker.tasks.ActiveTasks;
import dev.sonority.worker.tasks.AnalyzeBatchFinished;
import dev.sonority.worker.tasks.TaskStore;
import dev.sonority.worker.songs.IndexEvents;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consumes analyze batches ({@code WORKER_CONCURRENCY} at a time). Each song commits on its own, and the
 * message is acknowledged when this method returns, after the last commit; a worker killed mid-batch leaves
 * the message unacknowledged, and its redelivery skips the songs already committed.
 */
@Component
class AnalyzeBatchListener {

    private static final Logger log = LoggerFactory.getLogger(AnalyzeBatchListener.class);

    private final SongProcessor processor;
    private final AnalysisStore store;
    private final TaskStore tasks;
    private final ActiveTasks activeTasks;
    private final WorkerProperties properties;
    private final IndexEvents indexEvents;
    private final ApplicationEventPublisher events;

    AnalyzeBatchListener(SongProcessor processor, AnalysisStore store, TaskStore tasks, ActiveTasks activeTasks,
            WorkerProperties properties, IndexEvents indexEvents, ApplicationEventPublisher events) {
        this.events = events;
        this.processor = processor;
        this.store = store;
        this.tasks = tasks;
        this.activeTasks = activeTasks;
        this.properties = properties;
        this.indexEvents = indexEvents;
    }

    @RabbitListener(queues = "#{jobTopology.workQueue(T(dev.sonority.model.job.AnalyzeBatch).WORK_QUEUE)}",
            containerFactory = "analyzeBatchContainerFactory") // WORKER_CONCURRENCY consumers
    void onBatch(AnalyzeBatch batch) {
        Path root;
        try {
            root = MusicRoot.check(properties.musicDir());
        } catch (JobFailedException e) {
            tasks.fail(batch.taskId(), e.getMessage()); // every song would fail the same way: say it once
            return;
        }
        boolean skippedAny;
        Set<String> changedModels = new HashSet<>();
        try (ActiveTasks.Handle ignored = activeTasks.enter(batch.taskId())) {
            skippedAny = processAll(batch, root, changedModels);
        } finally {
            indexEvents.vectorsChanged(changedModels); // once per batch, after the commits (also when one throws)
        }
        if (skippedAny) {
            store.reconcile(batch.taskId()); // songs deleted meanwhile must not keep the task from ending
        }
        events.publishEvent(new AnalyzeBatchFinished(batch.taskId())); // follow-ups of a finished task
    }

    private boolean processAll(AnalyzeBatch batch, Path root, Set<String> changedModels) {
        boolean skippedAny = false;
        for (long songId : batch.songIds()) {
            AnalysisStore.ParentState parent = store.parent(batch.taskId());
            if (parent == null || !parent.running()) {
                if (parent != null && parent.cancelRequested()) {
                    tasks.markCancelled(batch.taskId());
                }
                log.debug("Dropping the rest of a batch of task {}: {}", batch.taskId(), parent);
                break;
            }
            skippedAny |= processor.process(batch.taskId(), songId, root, changedModels)
                    == SongProcessor.Result.SKIPPED;
        }
        return skippedAny;
    }
}
