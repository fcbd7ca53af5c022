package dev.sonority.bench.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text search latency: Sola MPD's request through the API (query embedded by inference-service, then the
 * text_minilm index), against inference's {@code /v1/embed/text} alone for the same queries (the baseline:
 * what the embedding itself costs).
 */
final class TextSearchBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> WORDS = List.of("calm", "piano", "loud", "guitar", "rock", "jazz", "night",
            "summer", "dance", "sad", "happy", "ambient", "electronic", "strings", "drums", "voice", "slow", "fast");

    private TextSearchBench() {
    }

    static void run(int apiPort, int inferencePort, int queries) throws IOException, InterruptedException {
        waitForTextIndex(apiPort);
        for (int i = 0; i < 100; i++) {
            search(apiPort, query(i));
            embed(inferencePort, query(i));
        }
        double[] api = new double[queries];
        double[] embedOnly = new double[queries];
        for (int i = 0; i < queries; i++) {
            String q = query(i * 7 + 3);
            long start = System.nanoTime();
            search(apiPort, q);
            api[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            embed(inferencePort, q);
            embedOnly[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "text search (Sola MPD's model_name=muq_mulan -> text_minilm, limit 100), %d"
                        + " sequential requests over HTTP: p50 %.2f ms p99 %.2f ms [goal p99 <= 50 ms]; inference"
                        + " /v1/embed/text alone p50 %.2f ms p99 %.2f ms%n", queries, pct(api, 50), pct(api, 99),
                pct(embedOnly, 50), pct(embedOnly, 99));
    }

    private static String query(int i) {
        return WORDS.get(i % WORDS.size()) + " " + WORDS.get((i / WORDS.size() + 5) % WORDS.size());
    }

    private static void waitForTextIndex(int apiPort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!get(apiPort, "/api/v1/index").body().matches("(?s).*\"model\":\"text_minilm\",\"ready\":true,\"songs\":[1-9].*")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the text_minilm index never became ready");
            }
            Thread.sleep(100);
        }
    }

    private static void search(int port, String q) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/api/v1/songs/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20") + "&model_name=muq_mulan&limit=100");
        if (response.statusCode() != 200
                || !"text_minilm".equals(response.headers().firstValue("X-Sonority-Model").orElse(null))) {
            throw new IllegalStateException("search answered " + response.statusCode() + " " + response.headers()
                    + ": " + response.body());
        }
    }

    private static void embed(int port, String q) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/embed/text")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"text_minilm\",\"texts\":[\"" + q + "\"]}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("inference answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double pct(double[] values, double p) {
        double[] sorted = Arrays.stream(values).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
