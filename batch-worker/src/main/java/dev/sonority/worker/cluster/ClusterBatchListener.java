package dev.sonority.worker.cluster;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.search.BatchRunner;
import dev.sonority.clustering.search.RunOutcome;
import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.config.WorkerIdentity;
import dev.sonority.worker.tasks.TaskStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Runs the CLUSTER task's batches, whichever worker's task published them. One consumer per worker (a batch
 * uses the worker's cores), separate from the task's own consumer, so a single worker both waits as the parent
 * and runs the batches. The message is acknowledged after the batch's row is written: a worker killed mid-batch
 * loses that batch only, and its redelivery (or a duplicate) finds the row and writes nothing twice.
 */
@Component
class ClusterBatchListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterBatchListener.class);

    private final ClusterLibraries libraries;
    private final ClusteringBatches batches;
    private final TaskStore tasks;
    private final WorkerIdentity identity;

    ClusterBatchListener(ClusterLibraries libraries, ClusteringBatches batches, TaskStore tasks,
            WorkerIdentity identity) {
        this.libraries = libraries;
        this.batches = batches;
        this.tasks = tasks;
        this.identity = identity;
    }

    @RabbitListener(queues = "#{jobTopology.workQueue(T(dev.sonority.worker.cluster.ClusterBatch).WORK_QUEUE)}",
            concurrency = "1")
    void onBatch(ClusterBatch batch) {
        if (batches.exists(batch.runId(), batch.batchIndex()) || stopped(batch)) {
            return;
        }
        List<RunOutcome> outcomes;
        try {
            Library library = libraries.get(batch.taskId(), batch.model());
            outcomes = new BatchRunner(library, batch.sampleSize(), batch.weights())
                    .run(batch.runs(), () -> stopped(batch));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e; // back to the queue: the batch runs again when the dependency returns
            }
            // the same data fails the same way on any worker: tell the parent, which fails the task with it
            log.warn("Batch {} of clustering run {} failed", batch.batchIndex(), batch.runId(), e);
            batches.fail(batch.runId(), batch.batchIndex(), "Batch " + batch.batchIndex() + " failed: " + e,
                    identity.name());
            return;
        }
        if (outcomes.size() < batch.runs().size()) {
            log.info("Batch {} of clustering run {} stopped: task {} cancelled", batch.batchIndex(), batch.runId(),
                    batch.taskId());
            return; // a cut batch is never stored: a parent accepts whole batches only
        }
        batches.write(batch.runId(), batch.batchIndex(), outcomes, identity.name());
    }

    /** Cancel requested, or the task over (cancelled, failed, gone): the rest of the batch is not run. */
    private boolean stopped(ClusterBatch batch) {
        return tasks.find(batch.taskId()).map(t -> t.cancelRequested() || !t.status().isActive()).orElse(true);
    }
}
