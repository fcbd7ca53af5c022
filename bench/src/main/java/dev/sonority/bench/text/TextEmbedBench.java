package dev.sonority.bench.text;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Latency of one text through {@code POST /v1/embed/text} of the real inference-service jar (text_minilm by
 * default: installed from the jar into a temporary MODELS_DIR at startup; {@code --model clap --models-dir DIR}
 * for a model with exported weights), one caller, one text per request, after a warm-up. Baseline in the same
 * run: the HTTP round trip of {@code GET /actuator/health/liveness} on the same service and client, so the
 * ratio is what the model itself adds. Goal: p99 <= 20 ms on CPU.
 *
 * <p>Options: {@code --model NAME} (text_minilm), {@code --models-dir DIR} (a fresh temporary folder),
 * {@code --requests N} (1000), {@code --warmup N} (200), {@code --intra-op-threads N} (0 = ONNX Runtime's
 * default, one per core), {@code --inference-jar PATH}.
 */
public final class TextEmbedBench {

    private static final List<String> WORDS = List.of("calm", "piano", "music", "for", "a", "rainy", "evening",
            "aggressive", "metal", "with", "fast", "drums", "jazz", "ballad", "brushes", "happy", "pop", "song",
            "female", "vocals", "slow", "acoustic", "guitar", "ambient", "electronic", "dance", "beat", "80s", "synth",
            "orchestral", "strings", "sad", "melancholic", "upbeat", "summer", "hip-hop", "bass", "chill");

    private TextEmbedBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        String model = options.text("model", "text_minilm");
        int requests = options.integer("requests", 1000);
        int warmup = options.integer("warmup", 200);
        String given = options.text("models-dir", null);
        Path modelsDir = given != null ? Path.of(given).toAbsolutePath() : Files.createTempDirectory("bench-text-");
        Path jar = ServiceJars.find("inference-service", options.text("inference-jar", null), "--inference-jar");
        int port = FreePorts.pick();
        Path log = Files.createTempFile("bench-text-", ".log");
        System.out.printf("inference-service %s on port %d, MODELS_DIR %s, log %s%n", jar, port, modelsDir, log);
        Map<String, String> env = Map.of("INFERENCE_PORT", String.valueOf(port), "MODELS_DIR", modelsDir.toString(),
                "MODELS_PRELOAD", model, "LOG_FORMAT", "text",
                "INFERENCE_INTRA_OP_THREADS", String.valueOf(options.integer("intra-op-threads", 0)));
        System.out.println("settings: " + env);
        try (ServiceProcess service = ServiceProcess.start(jar, List.of("-Xmx1g"), env, log)) {
            service.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofMinutes(3));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(42);
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/liveness")).build();
            for (int i = 0; i < warmup; i++) {
                send(http, embed(port, model, text(random)));
                send(http, health);
            }
            long[] embed = new long[requests];
            long[] baseline = new long[requests];
            for (int i = 0; i < requests; i++) {
                HttpRequest request = embed(port, model, text(random));
                long t0 = System.nanoTime();
                send(http, request);
                embed[i] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                send(http, health);
                baseline[i] = System.nanoTime() - t1;
            }
            report(model, embed, baseline);
        }
    }

    private static void report(String model, long[] embed, long[] baseline) {
        Arrays.sort(embed);
        Arrays.sort(baseline);
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms");
        row("POST /v1/embed/text " + model, embed);
        row("GET /actuator/health (base)", baseline);
        double p99 = percentile(embed, 0.99) / 1e6;
        System.out.printf(Locale.ROOT, "text embedding p99 %.2f ms = %.1fx the HTTP round trip's p99 (%.2f ms);"
                + " goal <= 20 ms: %s%n", p99, p99 / (percentile(baseline, 0.99) / 1e6),
                percentile(baseline, 0.99) / 1e6, p99 <= 20 ? "met" : "NOT met");
    }

    private static void row(String label, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-28s %8.2f %8.2f %8.2f %8.2f%n", label, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static String text(Random random) {
        int words = 3 + random.nextInt(10);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    private static HttpRequest embed(int port, String model, String text) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/embed/text"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"texts\":[\"" + text + "\"]}"))
                .build();
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
