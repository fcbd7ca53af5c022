package dev.sonority.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the batch worker ({@code sonority.worker.*}), with their defaults; the environment variables that
 * set them are listed in {@code META-INF/sonority/environment-names.properties} and documented in
 * {@code .env.template}.
 *
 * @param musicDir root of the music library (MUSIC_DIR); song ids are paths relative to it
 * @param decodeTimeout longest time one file may take to open and decode (DECODE_TIMEOUT)
 * @param analyzeMaxDuration longest portion of a track that is decoded and analysed; longer tracks are
 *     analysed on a window of this length from their middle (ANALYZE_MAX_DURATION)
 * @param concurrency analyze batches processed at the same time by this worker (WORKER_CONCURRENCY)
 * @param analyzeBatchSize songs per analyze child message (ANALYZE_BATCH_SIZE)
 * @param maxAttempts attempts at one song before it is marked FAILED (a file that crashes the worker every
 *     time must not block the library)
 * @param scanThreads threads reading tags during a scan
 * @param heartbeat how often this worker proves it is alive on the tasks it runs and the songs it analyses
 *     (TASK_HEARTBEAT)
 * @param staleAfter a RUNNING task whose heartbeat, or a song whose claim, is older than this is taken over
 *     (TASK_STALE_AFTER)
 */
@ConfigurationProperties("sonority.worker")
public record WorkerProperties(
        @DefaultValue("/music") Path musicDir,
        @DefaultValue("120s") Duration decodeTimeout,
        @DefaultValue("10m") Duration analyzeMaxDuration,
        @DefaultValue("2") int concurrency,
        @DefaultValue("8") int analyzeBatchSize,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("0") int scanThreads,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("60s") Duration staleAfter) {

    public WorkerProperties {
        positive("DECODE_TIMEOUT", decodeTimeout);
        positive("ANALYZE_MAX_DURATION", analyzeMaxDuration);
        positive("TASK_HEARTBEAT", heartbeat);
        positive("TASK_STALE_AFTER", staleAfter);
        atLeastOne("WORKER_CONCURRENCY", concurrency);
        atLeastOne("ANALYZE_BATCH_SIZE", analyzeBatchSize);
        atLeastOne("ANALYZE_MAX_ATTEMPTS", maxAttempts);
        scanThreads = scanThreads > 0 ? scanThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("TASK_STALE_AFTER (" + staleAfter + ") must be at least twice"
                    + " TASK_HEARTBEAT (" + heartbeat + "), or live tasks would be taken over");
        }
    }

    private static void positive(String variable, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(variable + " must be a positive duration (e.g. 30s), not " + value);
        }
    }

    private static void atLeastOne(String variable, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(variable + " must be at least 1, not " + value);
        }
    }
}
