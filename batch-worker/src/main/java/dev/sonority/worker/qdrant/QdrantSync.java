package dev.sonority.worker.qdrant;

import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorStoreProperties;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox into Qdrant (every {@link QdrantSyncProperties#syncInterval}, 1 s by default):
 * for each noted song it writes the vector PostgreSQL has now, or deletes the point when there is none. Rows
 * are removed in the transaction that wrote them, so a crash or an outage leaves them for the next round:
 * while Qdrant is down the outbox grows (gauge {@code sonority.qdrant.behind}), and it empties by itself when
 * Qdrant answers again. With another vector store the triggers are switched off and this does nothing.
 */
@Component
class QdrantSync implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(QdrantSync.class);
    static final int BATCH = 256;
    static final Duration TICK_BUDGET = Duration.ofSeconds(2);

    private final QdrantOutbox outbox;
    private final SearchPointRows rows;
    private final ObjectProvider<QdrantVectorSink> sink;
    private final TransactionTemplate transaction;
    private final boolean qdrant;
    private final AtomicLong behind = new AtomicLong();
    private final Duration interval;
    private volatile boolean switched;
    private volatile boolean failing;

    QdrantSync(QdrantOutbox outbox, SearchPointRows rows, ObjectProvider<QdrantVectorSink> sink,
            TransactionTemplate transaction, MeterRegistry meters,
            VectorStoreProperties vectorStore, QdrantSyncProperties properties) {
        this.interval = properties.syncInterval();
        this.outbox = outbox;
        this.rows = rows;
        this.sink = sink;
        this.transaction = transaction;
        this.qdrant = vectorStore.isQdrant();
        if (qdrant) {
            Gauge.builder("sonority.qdrant.behind", behind, AtomicLong::get)
                    .description("song vectors committed in PostgreSQL but not yet written to Qdrant").register(meters);
        }
    }

    /** Song vectors noted but not yet written to Qdrant, as of the last drain. */
    long behind() {
        return behind.get();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, interval, Duration.ZERO));
    }

    void tick() {
        try {
            if (!switched) {
                switchTriggers();
            }
            if (qdrant) {
                drain();
            }
        } catch (DataAccessException e) { // PostgreSQL down: the next tick tries again
            log.debug("Qdrant sync skipped, PostgreSQL unavailable: {}", e.getMessage());
        }
    }

    private void switchTriggers() {
        if (qdrant) {
            Integer queued = transaction.execute(status -> outbox.enable());
            if (queued != null && queued > 0) {
                log.info("VECTOR_STORE=qdrant: queued all {} stored search vectors for Qdrant", queued);
            }
        } else {
            transaction.executeWithoutResult(status -> outbox.disable());
        }
        switched = true;
    }

    /**
     * Drains until the outbox is empty, Qdrant stops answering or {@link #TICK_BUDGET} has passed: the
     * scheduler thread is shared with the task heartbeats, which must not wait behind a large backlog (the
     * next tick goes on where this one stopped).
     */
    void drain() {
        QdrantVectorSink target = sink.getObject();
        long deadline = System.nanoTime() + TICK_BUDGET.toNanos();
        while (true) {
            Boolean more = transaction.execute(status -> drainBatch(target));
            behind.set(outbox.backlog());
            if (more == null || !more || System.nanoTime() > deadline) {
                break;
            }
        }
        if (failing && behind.get() == 0) {
            failing = false;
            log.info("Qdrant has caught up with PostgreSQL");
        }
    }

    /** @return whether to go on: a full batch was written */
    private boolean drainBatch(QdrantVectorSink target) {
        List<QdrantOutbox.Entry> batch = outbox.claim(BATCH);
        Map<String, List<Long>> byModel = new LinkedHashMap<>();
        batch.forEach(e -> byModel.computeIfAbsent(e.model(), m -> new ArrayList<>()).add(e.songId()));
        boolean wroteAll = true;
        for (Map.Entry<String, List<Long>> group : byModel.entrySet()) {
            String model = group.getKey();
            List<Long> ids = group.getValue();
            try {
                write(target, model, ids);
                outbox.drained(model, ids);
            } catch (VectorStoreUnavailableException | IllegalStateException | IllegalArgumentException e) {
                outbox.failed(model, ids, e.getMessage());
                wroteAll = false;
                if (!failing) {
                    failing = true;
                    log.warn("Qdrant is behind PostgreSQL: {} (the songs stay queued and are written when it"
                            + " answers; POST /api/v1/batch/reindex/run rebuilds everything)", e.getMessage());
                }
                if (e instanceof VectorStoreUnavailableException) {
                    return false; // down: the next tick tries again
                }
            }
        }
        return wroteAll && batch.size() == BATCH;
    }

    private void write(QdrantVectorSink target, String model, List<Long> ids) {
        List<VectorPoint> points = rows.forSongs(model, ids);
        Set<Long> gone = new HashSet<>(ids);
        points.forEach(p -> gone.remove(p.songId()));
        target.upsert(model, points);
        target.delete(model, gone);
    }
}
