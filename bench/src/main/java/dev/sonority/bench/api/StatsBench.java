package dev.sonority.bench.api;

import dev.sonority.bench.BenchArgs;
import dev.sonority.bench.ServiceJars;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/stats} latency with a large library, through the real api-service jar: a fresh database
 * {@code sonority_bench_<random>}, the schema applied by the API itself at startup, {@code --songs} songs
 * (default 100,000) with about 390,000 analyses of six models, then {@code --warmup} and {@code --requests}
 * sequential requests, interleaved with the baselines measured in the same run: {@code GET /health} (which
 * pings PostgreSQL with {@code SELECT 1} and checks the broker connection) and
 * {@code GET /actuator/health/liveness} (which touches nothing). A second run of the service with
 * {@code sonority.api.stats.max-age=0s} measures the uncached statement ({@code --uncached false} skips it).
 *
 * <p>Goal (foundation issue): stats p99 <= 20 ms with 100,000 songs. Run:
 * {@code ./sonority bench stats [--songs 100000] [--requests 2000] [--api-jar api-service/target/api-service-*.jar]}.
 */
public final class StatsBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StatsBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int songs = options.integer("songs", 100_000);
        int requests = options.integer("requests", 2_000);
        int warmup = options.integer("warmup", 500);
        boolean uncached = Boolean.parseBoolean(options.text("uncached", "true"));
        Path jar = ServiceJars.find("api-service", options.text("api-jar", null), "--api-jar");

        try (BenchLibrary library = BenchLibrary.create()) {
            int port = FreePorts.pick();
            Path log = Files.createTempFile("stats-bench-api-", ".log");
            System.out.printf("StatsBench: api %s on port %d, database %s, log %s%n", jar, port, library.name(), log);
            try (ServiceProcess api = start(jar, library, port, log, List.of())) {
                long start = System.nanoTime();
                long analyses = library.fill(songs);
                System.out.printf("filled %,d songs and %,d analyses in %.1f s%n", songs, analyses,
                        (System.nanoTime() - start) / 1e9);
                check(port, songs);
                measure("cached (default settings)", port, warmup, requests);
            }
            if (uncached) {
                int uncachedPort = FreePorts.pick();
                try (ServiceProcess api = start(jar, library, uncachedPort, log,
                        List.of("-Dsonority.api.stats.max-age=0s"))) {
                    measure("uncached (sonority.api.stats.max-age=0s: one SQL round trip per request)", uncachedPort,
                            Math.min(warmup, 100), Math.min(requests, 500));
                }
            }
        }
    }

    private static ServiceProcess start(Path jar, BenchLibrary library, int port, Path log, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        options.addAll(jvmOptions);
        ServiceProcess api = ServiceProcess.start(jar, options, Map.of(
                "API_PORT", String.valueOf(port),
                "DATABASE_URL", library.jdbcUrl(),
                "DATABASE_USERNAME", BenchLibrary.USER,
                "DATABASE_PASSWORD", "",
                "RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672",
                "SONORITY_QUEUE_PREFIX", library.name()), log);
        api.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofMinutes(4));
        return api;
    }

    /** The answer must be right before its speed matters: counts derived from the fill rules, not the API. */
    private static void check(int port, int songs) throws IOException, InterruptedException {
        long missing = songs == 0 ? 0 : (songs - 1) / 1000 + 1;
        long completedAcoustic = 0;
        for (long id = 1; id <= songs; id++) {
            if (id % 50 != 0 && id % 13 != 0) {
                completedAcoustic++;
            }
        }
        String body = get(port, "/api/v1/stats").body();
        String expected = "\"total_songs\":" + (songs - missing) + ",\"songs_with_acoustic_features\":" + completedAcoustic;
        if (!body.startsWith("{" + expected)) {
            throw new IllegalStateException("unexpected statistics " + body + ", expected to start with " + expected);
        }
        System.out.println("stats answer checked: " + body);
    }

    private static void measure(String label, int port, int warmup, int requests)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            get(port, "/health");
            get(port, "/actuator/health/liveness");
            get(port, "/api/v1/stats");
        }
        LatencySample health = new LatencySample(requests);
        LatencySample liveness = new LatencySample(requests);
        LatencySample stats = new LatencySample(requests);
        for (int i = 0; i < requests; i++) {
            health.add(timed(port, "/health"));
            liveness.add(timed(port, "/actuator/health/liveness"));
            stats.add(timed(port, "/api/v1/stats"));
        }
        System.out.printf(Locale.ROOT, "%s, %d requests each:%n", label, requests);
        System.out.printf(Locale.ROOT, "  /health       p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                health.percentileMillis(50), health.percentileMillis(99), health.maxMillis());
        System.out.printf(Locale.ROOT, "  liveness      p50 %.2f ms  p99 %.2f ms  max %.2f ms  (touches nothing)%n",
                liveness.percentileMillis(50), liveness.percentileMillis(99), liveness.maxMillis());
        System.out.printf(Locale.ROOT, "  /api/v1/stats p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                stats.percentileMillis(50), stats.percentileMillis(99), stats.maxMillis());
        System.out.printf(Locale.ROOT, "stats p99 %.2f ms (baseline /health p99 %.2f ms, ratio %.2f)%n",
                stats.percentileMillis(99), health.percentileMillis(99),
                stats.percentileMillis(99) / health.percentileMillis(99));
    }

    private static long timed(int port, String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = get(port, path);
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
