package dev.sonority.api.instant;

import com.sun.net.httpserver.HttpServer;
import dev.sonority.api.support.LocalHttpServer;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking inference-service's {@code POST /v1/embed/text} for text_minilm with {@link WordVectors};
 * every other text model is "not installed" (409), as on a machine without CLAP or MuQ-MuLan weights.
 * {@link #down} makes it answer 503, as an inference-service that failed.
 */
final class TextInferenceStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    volatile boolean down;

    TextInferenceStub() {
        server = LocalHttpServer.create();
        server.createContext("/v1/embed/text", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = body.get("model").asString();
            int status;
            String answer;
            if (down) {
                status = 503;
                answer = "{\"status\":503,\"detail\":\"inference is failing\"}";
            } else if (!model.equals("text_minilm")) {
                status = 409;
                answer = "{\"status\":409,\"detail\":\"Model " + model + " is not installed\"}";
            } else {
                status = 200;
                float[] vector = WordVectors.of(body.get("texts").get(0).asString());
                answer = JSON.writeValueAsString(Map.of("model", model, "version", "words", "dim", vector.length,
                        "embeddings", List.of(vector)));
            }
            LocalHttpServer.respond(exchange, status, answer);
        });
        server.start();
    }

    String url() {
        return LocalHttpServer.url(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
