package dev.sonority.worker.cluster;

import dev.sonority.clustering.RunParameters;
import dev.sonority.clustering.fitness.FitnessWeights;
import java.util.List;
import java.util.UUID;

/**
 * "Run these clusterings for that search": a child message of a CLUSTER task, published by the worker running
 * the task onto the {@code cluster-batch} work queue and taken by any worker. It carries everything the runs
 * need besides the library itself, which the consumer loads (and keeps) per task and model.
 *
 * @param runId the task's {@code clustering_run}, whose {@code clustering_batch} row receives the outcomes
 * @param batchIndex the batch's place in the search, the order in which the parent accepts it
 */
public record ClusterBatch(UUID taskId, long runId, int batchIndex, String model, int sampleSize,
        FitnessWeights weights, List<RunParameters> runs) {

    /** Name of the work queue (see {@code JobTopology#workQueue(String)}). */
    public static final String WORK_QUEUE = "cluster-batch";

    public ClusterBatch {
        runs = List.copyOf(runs);
    }
}
