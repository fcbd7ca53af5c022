package dev.sonority.worker.analyze;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.config.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Gives the songs of a dead worker to the living: every {@code TASK_HEARTBEAT}, songs of running tasks whose
 * claim nobody renewed for {@code TASK_STALE_AFTER} are published again and put back to PENDING. Their message
 * came back to the queue when the worker died, but sooner than the claim went stale, so that delivery skipped
 * them as held.
 */
@Component
class StaleClaimRecovery implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StaleClaimRecovery.class);

    private final AnalysisStore store;
    private final JobPublisher publisher;
    private final WorkerProperties properties;

    StaleClaimRecovery(AnalysisStore store, JobPublisher publisher, WorkerProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Every {@code TASK_HEARTBEAT}, the first one heartbeat after the start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::recover, properties.heartbeat(), properties.heartbeat()));
    }

    void recover() {
        try {
            for (Map.Entry<UUID, List<Long>> stale : store.staleClaims(properties.staleAfter()).entrySet()) {
                List<Long> songs = stale.getValue();
                List<AnalyzeBatch> batches = new ArrayList<>();
                for (int from = 0; from < songs.size(); from += properties.analyzeBatchSize()) {
                    batches.add(new AnalyzeBatch(stale.getKey(),
                            songs.subList(from, Math.min(songs.size(), from + properties.analyzeBatchSize()))));
                }
                publisher.publishBatches(batches); // first: if this fails, the claims stay stale for the next try
                store.requeueStale(stale.getKey(), songs, properties.staleAfter());
                log.info("Task {}: {} songs of a worker that stopped renewing its claims published again",
                        stale.getKey(), songs.size());
            }
        } catch (RuntimeException e) {
            log.warn("Stale song claims could not be recovered now: {}", TransientFailures.describe(e));
        }
    }
}
