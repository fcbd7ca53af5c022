package dev.sonority.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the batch worker ({@code sonority.worker.*}; the environment variables that set them are in
 * {@code application.yaml} and documented in {@code .env.template}).
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
        Path musicDir,
        Duration decodeTimeout,
        Duration analyzeMaxDuration,
        int concurrency,
        int analyzeBatchSize,
        int maxAttempts,
        int scanThreads,
        Duration heartbeat,
        Duration staleAfter) {

    public WorkerProperties {
        musicDir = musicDir == null ? Path.of("/music") : musicDir;
        decodeTimeout = positive(decodeTimeout, Duration.ofSeconds(120));
        analyzeMaxDuration = positive(analyzeMaxDuration, Duration.ofMinutes(10));
        concurrency = concurrency > 0 ? concurrency : 2;
        analyzeBatchSize = analyzeBatchSize > 0 ? analyzeBatchSize : 8;
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
        scanThreads = scanThreads > 0 ? scanThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        heartbeat = positive(heartbeat, Duration.ofSeconds(10));
        staleAfter = positive(staleAfter, Duration.ofSeconds(60));
        if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("TASK_STALE_AFTER (" + staleAfter + ") must be at least twice"
                    + " TASK_HEARTBEAT (" + heartbeat + "), or live tasks would be taken over");
        }
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
