package dev.sonority.api.search;

import dev.sonority.model.vector.Vectors;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Embeds text queries with inference-service ({@code POST /v1/embed/text}, contract section A). A model the
 * service cannot run (409 not installed, 503 failed to load, 400 unknown) is a {@link ModelUnavailableException}
 * so the caller can fall back; the service being unreachable or slow is an {@link InferenceUnavailableException}.
 */
@Component
class InferenceClient {

    /** The request and response bodies of {@code /v1/embed/text} (snake_case is not needed: one-word fields). */
    record TextRequest(String model, List<String> texts) {
    }

    record TextResponse(String model, String version, Integer dim, List<List<Float>> embeddings) {
    }

    /** The fields of {@code POST /v1/embed/audio}'s answer used here. */
    record AudioResponse(Map<String, AudioResult> results) {
    }

    record AudioResult(List<Float> embedding) {
    }

    /** The fields of {@code GET /v1/models} used here. */
    record ModelList(List<ModelInfo> models) {
    }

    record ModelInfo(String name, @com.fasterxml.jackson.annotation.JsonProperty("sample_rate") Integer sampleRate) {
    }

    private final Map<String, Integer> sampleRates = new java.util.concurrent.ConcurrentHashMap<>();

    private final RestClient client;
    private final String baseUrl;

    InferenceClient(SearchProperties properties) {
        // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade on plain http, a wasted exchange per connection
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.inferenceConnectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.inferenceTimeout());
        this.baseUrl = properties.inferenceUrl().toString().replaceAll("/+$", "");
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    /** The L2-normalised embedding of {@code text} by {@code model}. */
    float[] embedText(String model, String text) {
        TextResponse response;
        try {
            response = client.post().uri("/v1/embed/text").contentType(MediaType.APPLICATION_JSON)
                    .body(new TextRequest(model, List.of(text))).retrieve().body(TextResponse.class);
        } catch (RestClientResponseException e) {
            throw failure(e, "text", model, Set.of(409, 503, 400, 404));
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        }
        if (response == null || response.embeddings() == null || response.embeddings().size() != 1) {
            throw new InferenceUnavailableException("Inference service at " + baseUrl
                    + " answered without exactly one embedding", null);
        }
        return unitVector(response.embeddings().getFirst(), model);
    }

    /** The sample rate {@code model} needs, from {@code GET /v1/models} (cached: it does not change). */
    int sampleRate(String model) {
        Integer cached = sampleRates.get(model);
        if (cached != null) {
            return cached;
        }
        ModelList models;
        try {
            models = client.get().uri("/v1/models").retrieve().body(ModelList.class);
        } catch (ResourceAccessException | RestClientResponseException e) {
            throw new InferenceUnavailableException("Inference service unavailable at " + baseUrl + ": "
                    + e.getMessage(), e);
        }
        for (ModelInfo info : models == null || models.models() == null ? List.<ModelInfo>of() : models.models()) {
            if (info.sampleRate() != null) {
                sampleRates.put(info.name(), info.sampleRate());
            }
        }
        Integer rate = sampleRates.get(model);
        if (rate == null) {
            throw new ModelUnavailableException("inference-service lists no audio sample rate for " + model);
        }
        return rate;
    }

    /** The embedding of mono PCM at {@code sampleRate} by {@code model} ({@code POST /v1/embed/audio}). */
    float[] embedAudio(String model, int sampleRate, float[] pcm) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(pcm.length * Float.BYTES)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(pcm);
        AudioResponse response;
        try {
            response = client.post().uri(uri -> uri.path("/v1/embed/audio").queryParam("sample_rate", sampleRate)
                            .queryParam("models", model).build())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes.array()).retrieve()
                    .body(AudioResponse.class);
        } catch (RestClientResponseException e) {
            throw failure(e, "audio", model, Set.of(409, 503, 400));
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        }
        AudioResult result = response == null || response.results() == null ? null : response.results().get(model);
        if (result == null || result.embedding() == null || result.embedding().isEmpty()) {
            throw new ModelUnavailableException("inference-service returned no " + model + " embedding");
        }
        return unitVector(result.embedding(), model);
    }

    /**
     * A refusal the caller can fall back from ({@code refusals}: the model is not installed, failed to load,
     * unknown) or a failure of the service itself.
     */
    private RuntimeException failure(RestClientResponseException e, String what, String model, Set<Integer> refusals) {
        int status = e.getStatusCode().value();
        if (refusals.contains(status)) {
            return new ModelUnavailableException("inference-service cannot embed " + what + " with " + model + " ("
                    + status + "): " + detail(e));
        }
        return new InferenceUnavailableException("Inference service at " + baseUrl + " failed (" + status + "): "
                + detail(e), e);
    }

    private InferenceUnavailableException unreachable(ResourceAccessException e) {
        return new InferenceUnavailableException("Inference service unavailable at " + baseUrl + ": "
                + e.getMostSpecificCause().getMessage(), e);
    }

    /** The answer as a unit vector; an empty, non-finite or zero one is the model's failure. */
    private static float[] unitVector(List<Float> values, String model) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        if (vector.length == 0 || !Vectors.allFinite(vector) || Vectors.norm(vector) == 0) {
            throw new ModelUnavailableException("inference-service returned an unusable " + model + " embedding");
        }
        return Vectors.normalizeInPlace(vector);
    }

    private static String detail(RestClientResponseException e) {
        try {
            Map<?, ?> problem = e.getResponseBodyAs(Map.class);
            if (problem != null && problem.get("detail") != null) {
                return String.valueOf(problem.get("detail"));
            }
        } catch (RuntimeException ignored) { // not problem JSON: show the raw body
        }
        return e.getResponseBodyAsString();
    }
}
