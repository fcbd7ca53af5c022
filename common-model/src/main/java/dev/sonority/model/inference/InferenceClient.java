package dev.sonority.model.inference;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.inference.EmbedAudioResponse;
import dev.sonority.contract.inference.EmbedTextRequest;
import dev.sonority.contract.inference.EmbedTextResponse;
import dev.sonority.contract.inference.Pcm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP client of the inference service API ({@code GET /v1/models}, {@code POST /v1/embed/audio},
 * {@code POST /v1/embed/text}), shared by the worker and the API so both read the same JSON the same way.
 * The JDK's client is enough: one host, plain JSON and a streamed binary body, with a timeout on every call
 * (docs/architecture.md, "Reliability"), and no web framework in common-model. Failures are sorted in two,
 * once, here: the service down or failing ({@link InferenceUnavailableException}) and a refusal of this
 * request ({@link InferenceRejectedException}); each caller decides what they mean to it.
 */
public class InferenceClient {

    // lenient reader: a field this side does not use may be absent (a numeric one reads 0, which the
    // callers treat as "not said", e.g. dim), and fields the service adds later are skipped
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final URI base;
    private final Duration modelsTimeout;
    private final Duration embedTimeout;
    private final HttpClient http;

    /**
     * @param modelsTimeout how long {@code GET /v1/models} may take
     * @param embedTimeout how long one embedding request may take until its answer starts
     */
    public InferenceClient(URI base, Duration connectTimeout, Duration modelsTimeout, Duration embedTimeout) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.modelsTimeout = modelsTimeout;
        this.embedTimeout = embedTimeout;
        // HTTP/1.1: on plain http the JDK client would otherwise offer an h2c upgrade, a wasted exchange
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
    }

    public URI base() {
        return base;
    }

    /** Every model the service knows, installed or not. */
    public List<RemoteModel> models() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/models")).timeout(modelsTimeout).GET().build();
        return send(request, RemoteModels.class).models();
    }

    /**
     * Every model's output for one song's mono audio, all at {@code sampleRate}, by model name. The PCM is
     * streamed, never copied ({@link PcmBody}).
     *
     * @param windows analysis windows to spread over the audio; 0 for all of them
     */
    public Map<String, AudioEmbedding> embedAudio(float[] samples, int sampleRate, List<String> models, int windows) {
        StringBuilder query = new StringBuilder("v1/embed/audio?sample_rate=").append(sampleRate)
                .append("&models=").append(URLEncoder.encode(String.join(",", models), StandardCharsets.UTF_8));
        if (windows > 0) {
            query.append("&windows=").append(windows);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(query.toString()))
                .timeout(embedTimeout)
                .header("Content-Type", Pcm.CONTENT_TYPE)
                .POST(PcmBody.of(samples)).build();
        return send(request, EmbedAudioResponse.class).results();
    }

    /** One vector per text, in order (unit length as the service sends it; callers check what they rely on). */
    public List<float[]> embedText(String model, List<String> texts) {
        byte[] body = JSON.writeValueAsBytes(new EmbedTextRequest(model, texts));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/embed/text"))
                .timeout(embedTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        List<float[]> embeddings = send(request, EmbedTextResponse.class).embeddings();
        if (embeddings.size() != texts.size()) {
            throw new InferenceUnavailableException("inference service at " + base + " returned "
                    + embeddings.size() + " text embeddings for " + texts.size() + " texts", null);
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
                        + " sent a response that cannot be read (" + e.getOriginalMessage() + ")", e);
            }
        }
        Problem problem = Problem.parse(response.body());
        String detail = problem.detail(response.body());
        String message = "inference service answered " + status + ": "
                + (problem.install() == null ? detail : detail + " (install: " + problem.install() + ")");
        // 503 naming a model: that model failed to load, which waiting will not mend; the service is up
        boolean refusal = status == 400 || status == 404 || status == 409 || status == 413 || status == 422
                || (status == 503 && problem.model() != null);
        if (refusal) {
            throw new InferenceRejectedException(status, message, detail, problem.model());
        }
        throw new InferenceUnavailableException(status, message, detail);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** The parts of an RFC 9457 problem body that are reported. */
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

        /** The problem's detail, or the start of a body that is not problem JSON. */
        String detail(byte[] body) {
            if (detail == null) {
                String raw = new String(body, StandardCharsets.UTF_8).strip();
                return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
            }
            return detail;
        }
    }
}
