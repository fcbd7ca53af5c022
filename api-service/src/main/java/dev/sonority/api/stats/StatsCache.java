package dev.sonority.api.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stale-while-revalidate holder for one value: fresh values are returned directly, stale ones are returned
 * while one background refresh runs, values that are too old (or none yet) are computed by the caller.
 * At most one background refresh runs at a time; a failed one is logged and leaves the old value in place.
 */
public final class StatsCache<T> {

    private static final Logger log = LoggerFactory.getLogger(StatsCache.class);

    private record Entry<T>(T value, Instant at) {
    }

    private final Supplier<T> source;
    private final Duration maxAge;
    private final Duration maxStale;
    private final Executor executor;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Entry<T> entry;

    public StatsCache(Supplier<T> source, Duration maxAge, Duration maxStale, Executor executor, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.maxStale = maxStale.compareTo(maxAge) < 0 ? maxAge : maxStale;
        this.executor = executor;
        this.clock = clock;
    }

    public T get() {
        Entry<T> current = entry;
        if (current != null && !maxAge.isZero()) {
            Duration age = Duration.between(current.at(), clock.instant());
            if (age.compareTo(maxAge) < 0) {
                return current.value();
            }
            if (age.compareTo(maxStale) < 0) {
                refreshInBackground();
                return current.value();
            }
        }
        return load();
    }

    private T load() {
        Instant at = clock.instant();
        T value = source.get();
        entry = new Entry<>(value, at);
        return value;
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                load();
            } catch (RuntimeException e) {
                log.warn("Background refresh of the statistics failed: {}", e.toString());
            } finally {
                refreshing.set(false);
            }
        });
    }
}
