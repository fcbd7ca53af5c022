package dev.sonority.api.monitoring;

import dev.sonority.api.stats.StatsCache;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges for the alert rules: tasks running and pending, the age of the oldest running task's heartbeat,
 * dead letters, and per model whether the vector index is ready and how many vectors it holds. The database
 * state and the stores' state are each read at most every 10 s whatever the scrape rate (a stale value is served
 * while one refresh runs), so a scrape never loads the database and never waits on a Qdrant that is down once
 * per model and gauge.
 */
@Component
class OperationsMetrics implements MeterBinder {

    /** One model's state in the vector store. */
    private record IndexState(boolean ready, long size) {
    }

    private final StatsCache<OperationsSnapshot> snapshot;
    private final StatsCache<Map<String, IndexState>> indexes;
    private final VectorStore vectors;

    OperationsMetrics(JdbcClient jdbc, VectorStore vectors) {
        this.snapshot = cached(() -> OperationsSnapshot.read(jdbc));
        this.indexes = cached(this::readIndexes);
        this.vectors = vectors;
    }

    private static <T> StatsCache<T> cached(Supplier<T> read) {
        return new StatsCache<>(read, Duration.ofSeconds(10), Duration.ofMinutes(1), ForkJoinPool.commonPool(),
                Clock.systemUTC());
    }

    /** Every model's state; a store that cannot answer counts as not ready and empty. */
    private Map<String, IndexState> readIndexes() {
        Map<String, IndexState> states = new HashMap<>();
        for (ModelName model : ModelName.values()) {
            String name = model.apiName();
            try {
                states.put(name, new IndexState(vectors.ready(name), vectors.size(name)));
            } catch (VectorStoreUnavailableException e) {
                states.put(name, new IndexState(false, 0));
            }
        }
        return states;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "sonority.tasks.running", "Top-level tasks running", OperationsSnapshot::runningTasks);
        gauge(registry, "sonority.tasks.pending", "Top-level tasks waiting for a worker", OperationsSnapshot::pendingTasks);
        Gauge.builder("sonority.tasks.heartbeat.age", this, m -> m.snapshot.get().oldestHeartbeatAgeSeconds())
                .description("Seconds since the least recently heard-from running task's worker proved alive")
                .baseUnit("seconds").register(registry);
        gauge(registry, "sonority.dead.letters", "Messages parked in the dead-letter table", OperationsSnapshot::deadLetters);
        for (ModelName model : ModelName.values()) {
            String name = model.apiName();
            Gauge.builder("sonority.index.ready", this, m -> m.indexes.get().get(name).ready() ? 1 : 0)
                    .description("1 when the vector store can answer for the model, 0 while it loads or is down")
                    .tag("model", name).tag("store", vectors.kind()).register(registry);
            Gauge.builder("sonority.index.vectors", this, m -> m.indexes.get().get(name).size())
                    .description("Songs with a search vector in the store").tag("model", name)
                    .tag("store", vectors.kind()).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<OperationsSnapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot.get())).description(description)
                .register(registry);
    }
}
