package dev.sonority.api.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatsCacheTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final ManualClock clock = new ManualClock();
    final Queue<Runnable> background = new ArrayDeque<>();
    final Executor executor = background::add;
    final AtomicInteger computations = new AtomicInteger();

    StatsCache<Integer> cache(Duration maxAge, Duration maxStale) {
        return new StatsCache<>(computations::incrementAndGet, maxAge, maxStale, executor, clock);
    }

    @Test
    void freshValuesAreServedWithoutRecomputing() {
        StatsCache<Integer> cache = cache(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(cache.get()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(background).isEmpty();
    }

    @Test
    void staleValuesAreServedWhileOneBackgroundRefreshRuns() {
        StatsCache<Integer> cache = cache(Duration.ofSeconds(2), Duration.ofSeconds(30));
        cache.get();
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(cache.get()).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void tooOldValuesAreRecomputedBeforeAnswering() {
        StatsCache<Integer> cache = cache(Duration.ofSeconds(2), Duration.ofSeconds(30));
        cache.get();
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get()).isEqualTo(2);
        assertThat(background).isEmpty();
    }

    @Test
    void zeroMaxAgeComputesEveryTime() {
        StatsCache<Integer> cache = cache(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(2);
        assertThat(cache.get()).isEqualTo(3);
    }

    @Test
    void aFailedBackgroundRefreshKeepsTheOldValueAndAFailedLoadPropagates() {
        AtomicInteger calls = new AtomicInteger();
        StatsCache<Integer> cache = new StatsCache<>(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return 7;
        }, Duration.ofSeconds(2), Duration.ofSeconds(30), executor, clock);
        cache.get();
        clock.advance(Duration.ofSeconds(3));
        assertThat(cache.get()).isEqualTo(7);
        background.poll().run();
        assertThat(cache.get()).isEqualTo(7);
        assertThat(background).hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(cache::get).hasMessage("database down");
    }
}
