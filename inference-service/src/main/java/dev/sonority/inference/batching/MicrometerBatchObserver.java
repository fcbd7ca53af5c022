package dev.sonority.inference.batching;

import dev.sonority.inference.runtime.Placement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Batch metrics for Prometheus, tagged by model and graph: {@code sonority_inference_batch_size},
 * {@code sonority_inference_queue_wait_seconds}, {@code sonority_inference_run_seconds} (also by placement and
 * outcome) and {@code sonority_inference_out_of_memory_total}.
 */
public final class MicrometerBatchObserver implements BatchObserver {

    private final MeterRegistry registry;
    private final String model;
    private final String graph;
    private final DistributionSummary batchSize;
    private final Timer queueWait;
    private final Counter outOfMemory;

    public MicrometerBatchObserver(MeterRegistry registry, String model, String graph) {
        this.registry = registry;
        this.model = model;
        this.graph = graph;
        this.batchSize = DistributionSummary.builder("sonority.inference.batch.size")
                .description("Items per graph run").baseUnit("items").tag("model", model).tag("graph", graph)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
        this.queueWait = Timer.builder("sonority.inference.queue.wait")
                .description("Time from a request's submit until its first items ran").tag("model", model)
                .tag("graph", graph).register(registry);
        this.outOfMemory = Counter.builder("sonority.inference.out.of.memory")
                .description("Batches that ran out of device memory and were retried smaller or on the CPU")
                .tag("model", model).tag("graph", graph).register(registry);
    }

    @Override
    public void queued(long queueWaitNanos) {
        queueWait.record(queueWaitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void ran(int size, Placement placement, long runNanos, boolean succeeded) {
        batchSize.record(size);
        Timer.builder("sonority.inference.run").description("Graph run time per batch").tag("model", model)
                .tag("graph", graph).tag("placement", placement.name().toLowerCase(Locale.ROOT))
                .tag("outcome", succeeded ? "success" : "failure").register(registry)
                .record(runNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void outOfMemory(int size) {
        outOfMemory.increment();
    }
}
