package dev.sonority.model.startup;

import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;

/**
 * Tries a probe of a dependency until it answers or {@link StartupWaitProperties#dependencyWait()} has passed,
 * then fails the start with {@link DependencyUnreachableException} (which the failure analyzers explain).
 */
public final class DependencyWait {

    private static final Logger log = LoggerFactory.getLogger(DependencyWait.class);

    private final StartupWaitProperties properties;

    public DependencyWait(StartupWaitProperties properties) {
        this.properties = properties;
    }

    /**
     * Returns once {@code probe} runs without throwing.
     *
     * @param dependency names it in the log and the failure ("RabbitMQ", "Qdrant")
     * @param worthWaiting whether a failure may pass by itself (a refused password will not: it is rethrown
     *     at once)
     * @throws DependencyUnreachableException with the probe's last failure as its cause
     */
    public void until(String dependency, Runnable probe, Predicate<RuntimeException> worthWaiting) {
        long deadline = System.nanoTime() + properties.dependencyWait().toNanos();
        boolean logged = false;
        while (true) {
            try {
                probe.run();
                if (logged) {
                    log.info("{} answers; starting", dependency);
                }
                return;
            } catch (RuntimeException e) {
                if (!worthWaiting.test(e)) {
                    throw e;
                }
                boolean forever = properties.dependencyWait().isZero();
                if (!forever && System.nanoTime() - deadline >= 0) {
                    throw new DependencyUnreachableException(dependency, properties.dependencyWait(), e);
                }
                if (!logged) {
                    log.warn("{} does not answer yet ({}); waiting {} for it", dependency,
                            dev.sonority.model.RootCause.message(e),
                            forever ? "as long as it takes" : "up to "
                                    + asWritten(properties.dependencyWait()));
                    logged = true;
                }
                pause();
            }
        }
    }

    /** A duration as a user writes it: {@code 60s}, {@code 2m}, {@code 1500ms}. */
    static String asWritten(Duration duration) {
        for (ChronoUnit unit : List.of(ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
            if (!duration.isZero() && duration.toMillis() % unit.getDuration().toMillis() == 0) {
                return DurationStyle.SIMPLE.print(duration, unit);
            }
        }
        return DurationStyle.SIMPLE.print(duration);
    }

    private void pause() {
        try {
            Thread.sleep(properties.retryInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a dependency at startup", e);
        }
    }

    /** A dependency did not answer within the startup wait; the cause is its last failure. */
    public static final class DependencyUnreachableException extends RuntimeException {

        private final String dependency;
        private final Duration waited;

        DependencyUnreachableException(String dependency, Duration waited, Throwable cause) {
            super(dependency + " did not answer within " + asWritten(waited), cause);
            this.dependency = dependency;
            this.waited = waited;
        }

        public String dependency() {
            return dependency;
        }

        /** The wait as a user writes it ({@code 60s}). */
        public String waitedText() {
            return asWritten(waited);
        }
    }
}
