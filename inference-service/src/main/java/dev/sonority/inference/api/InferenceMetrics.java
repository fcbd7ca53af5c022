package dev.sonority.inference.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics of the embed endpoints: {@code sonority_inference_requests_total{endpoint,model,outcome}} and
 * {@code sonority_inference_embed_seconds{endpoint,model}} (preprocessing, batching and inference of one model
 * for one request). Batch sizes, queue wait and graph run times come from the batchers.
 */
final class InferenceMetrics {

    private final MeterRegistry registry;

    InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String endpoint, String model, String outcome) {
        Counter.builder("sonority.inference.requests").description("Embed requests per model and outcome")
                .tag("endpoint", endpoint).tag("model", model).tag("outcome", outcome).register(registry)
                .increment();
    }

    void embedded(String endpoint, String model, long nanos) {
        Timer.builder("sonority.inference.embed").description("Time one model took for one request")
                .tag("endpoint", endpoint).tag("model", model).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
