package dev.sonority.worker.inference;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP client of the inference service API ({@code /v1/models}, {@code /v1/embed/audio},
 * {@code /v1/embed/text}). The JDK's client is enough here: one host, plain JSON and a streamed binary body,
 * with a timeout on every call (DESIGN.md §7). Failures are sorted in two: the service down or failing
 * ({@link InferenceUnavailableException}, retried later) and a refusal of this request
 * ({@link InferenceRejectedException}, recorded with the song).
 */
public class InferenceClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI base;
    private final InferenceProperties properties;
    private final HttpClient http;

    public InferenceClient(InferenceProperties properties) {
        if (properties.url() == null) {
            throw new IllegalArgumentException("INFERENCE_URL is not set");
        }
        String url = properties.url().toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    public URI base() {
        return base;
    }

    List<RemoteModel> models() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/models"))
                .timeout(properties.connectTimeout().multipliedBy(2)).GET().build();
        return send(request, RemoteModels.class).models();
    }

    /** Every model's output for one song's audio, all at {@code sampleRate}. */
    Map<String, AudioEmbedding> embedAudio(float[] samples, int sampleRate, List<String> models) {
        StringBuilder query = new StringBuilder("v1/embed/audio?sample_rate=").append(sampleRate)
                .append("&models=").append(URLEncoder.encode(String.join(",", models), StandardCharsets.UTF_8));
        if (properties.windows() > 0) {
            query.append("&windows=").append(properties.windows());
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(query.toString()))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/octet-stream")
                .POST(PcmBody.of(samples)).build();
        return send(request, EmbedAudioResponse.class).results();
    }

    /** One unit-length vector per text, in order. */
    List<float[]> embedText(String model, List<String> texts) {
        byte[] body = JSON.writeValueAsBytes(Map.of("model", model, "texts", texts));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/embed/text"))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        List<float[]> embeddings = send(request, EmbedTextResponse.class).embeddings();
        if (embeddings.size() != texts.size()) {
            throw new InferenceUnavailableException("inference service at " + base + " returned "
                    + embeddings.size() + " text embeddings for " + texts.size() + " texts");
        }
        return embeddings;
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new InferenceUnavailableException("inference service at " + base + " unreachable: "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceUnavailableException("interrupted while waiting for the inference service", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return JSON.readValue(response.body(), type);
            } catch (JacksonException e) {
                throw new InferenceUnavailableException("inference service at " + base
                        + " sent a response this worker cannot read (" + e.getOriginalMessage() + ")", e);
            }
        }
        Problem problem = Problem.parse(response.body());
        boolean refusal = status == 400 || status == 404 || status == 409 || status == 413 || status == 422
                || (status == 503 && problem.model() != null); // 503 naming a model: that model failed to load
        String detail = "inference service answered " + status + ": " + problem.text(response.body());
        if (refusal) {
            throw new InferenceRejectedException(status, detail, problem.model());
        }
        throw new InferenceUnavailableException(detail);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** The parts of an RFC 9457 problem body the worker reports. */
    private record Problem(@Nullable String detail, @Nullable String model, @Nullable String install) {

        static Problem parse(byte[] body) {
            try {
                JsonNode node = JSON.readTree(body);
                return new Problem(text(node, "detail"), text(node, "model"), text(node, "install"));
            } catch (JacksonException | IllegalArgumentException e) {
                return new Problem(null, null, null);
            }
        }

        private static @Nullable String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        String text(byte[] body) {
            if (detail == null) {
                String raw = new String(body, StandardCharsets.UTF_8).strip();
                return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
            }
            return install == null ? detail : detail + " (install: " + install + ")";
        }
    }
}
