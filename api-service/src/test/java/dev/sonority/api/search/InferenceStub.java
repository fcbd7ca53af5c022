package dev.sonority.api.search;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
final class InferenceStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
    final List<String> notInstalled = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile long delayMillis;

    InferenceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/embed/text", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = body.get("model").asString();
            String text = body.get("texts").get(0).asString();
            requests.add(model + ":" + text);
            sleep(delayMillis);
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
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a hung answer blocks no other
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
