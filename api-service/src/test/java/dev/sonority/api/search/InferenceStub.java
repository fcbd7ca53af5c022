package dev.sonority.api.search;

import com.sun.net.httpserver.HttpServer;
import dev.sonority.api.support.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server speaking inference-service's {@code POST /v1/embed/text} (CONTRACT section A): answers
 * the embedding set for a (model, text) pair, 409 problem JSON for a model marked not installed, or hangs
 * past the client's timeout. It stands in for the real service, whose text models are not part of this module.
 */
public final class InferenceStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    public final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
    final List<String> notInstalled = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile long delayMillis;
    /** model -> embedding answered by /v1/embed/audio; sample rates listed by /v1/models. */
    final Map<String, float[]> audioEmbeddings = new ConcurrentHashMap<>();
    final Map<String, Integer> sampleRates = new ConcurrentHashMap<>(Map.of("musicnn", 16_000, "clap", 48_000));
    /** "model@rate:samples" of each audio request. */
    final List<String> audioRequests = new CopyOnWriteArrayList<>();

    public InferenceStub() {
        server = LocalHttpServer.create();
        server.createContext("/v1/embed/text", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = body.get("model").asString();
            String text = body.get("texts").get(0).asString();
            requests.add(model + ":" + text);
            LocalHttpServer.pause(delayMillis);
            String answer;
            int status;
            if (notInstalled.contains(model)) {
                status = 409;
                answer = JSON.writeValueAsString(Map.of("type", "about:blank", "title", "Conflict", "status", 409,
                        "detail", "Model " + model + " is not installed", "install", "./sonority models pull " + model));
            } else {
                float[] vector = embeddings.get(model + ":" + text);
                status = vector == null ? 400 : 200;
                answer = vector == null ? "{\"detail\":\"no embedding configured\"}"
                        : JSON.writeValueAsString(Map.of("model", model, "version", "stub", "dim", vector.length,
                                "embeddings", List.of(vector)));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/v1/models", exchange -> {
            List<Map<String, Object>> models = sampleRates.entrySet().stream()
                    .map(e -> Map.<String, Object>of("name", e.getKey(), "sample_rate", e.getValue())).toList();
            LocalHttpServer.respond(exchange, 200, JSON.writeValueAsString(Map.of("models", models)));
        });
        server.createContext("/v1/embed/audio", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String model = query.replaceAll(".*models=([a-z_]+).*", "$1");
            String rate = query.replaceAll(".*sample_rate=(\\d+).*", "$1");
            int samples = exchange.getRequestBody().readAllBytes().length / 4;
            audioRequests.add(model + "@" + rate + ":" + samples);
            float[] vector = audioEmbeddings.get(model);
            if (vector == null || notInstalled.contains(model)) {
                LocalHttpServer.respond(exchange, 409, "{\"status\":409,\"detail\":\"Model " + model + " is not installed\"}");
            } else {
                LocalHttpServer.respond(exchange, 200, JSON.writeValueAsString(Map.of("sample_rate", Integer.parseInt(rate),
                        "results", Map.of(model, Map.of("dim", vector.length, "embedding", vector)))));
            }
        });
        server.start();
    }

    public String url() {
        return LocalHttpServer.url(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
