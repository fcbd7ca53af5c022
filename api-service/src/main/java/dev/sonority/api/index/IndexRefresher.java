package dev.sonority.api.index;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs index work off the request threads: the first load once the application is ready (requests get 503
 * until it is done), a refresh per {@code IndexChangedEvent} (events for a model that arrive while its
 * refresh is queued are coalesced into that one), and a periodic reconcile that catches lost events.
 */
public class IndexRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexRefresher.class);

    private final EmbeddedIndexes indexes;
    private final Duration reconcileInterval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sonority-index").daemon().factory());
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    IndexRefresher(EmbeddedIndexes indexes, Duration reconcileInterval) {
        this.indexes = indexes;
        this.reconcileInterval = reconcileInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        executor.execute(() -> {
            try {
                indexes.start();
            } catch (RuntimeException e) { // PostgreSQL down: the reconcile retries
                log.error("Loading the vector indexes failed; retrying in {}", reconcileInterval, e);
            }
        });
        long every = Math.max(1, reconcileInterval.toMillis());
        executor.scheduleWithFixedDelay(this::reconcile, every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues a refresh of {@code model}, unless one is queued already. */
    public void refreshSoon(String model) {
        if (queued.add(model)) {
            executor.execute(() -> {
                queued.remove(model);
                run(model, () -> indexes.refresh(model));
            });
        }
    }

    /** Queues a rebuild of {@code model} from PostgreSQL. */
    public void rebuildSoon(String model) {
        executor.execute(() -> run(model, () -> indexes.rebuild(model)));
    }

    private void reconcile() {
        if (!indexes.started()) {
            run("all", indexes::start);
            return;
        }
        indexes.knownModels().forEach(model -> run(model, () -> indexes.refresh(model)));
    }

    private static void run(String model, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Refreshing the {} index failed (the next event or reconcile retries): {}", model,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
