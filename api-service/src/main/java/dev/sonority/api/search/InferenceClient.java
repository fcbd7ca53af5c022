package dev.sonority.api.search;

import dev.sonority.model.vector.Vectors;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
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

    private final RestClient client;
    private final String baseUrl;

    InferenceClient(SearchProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.inferenceConnectTimeout()).build();
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
            int status = e.getStatusCode().value();
            if (status == 409 || status == 503 || status == 400 || status == 404) {
                throw new ModelUnavailableException("inference-service cannot embed text with " + model + " ("
                        + status + "): " + detail(e));
            }
            throw new InferenceUnavailableException("Inference service at " + baseUrl + " failed (" + status + "): "
                    + detail(e), e);
        } catch (ResourceAccessException e) {
            throw new InferenceUnavailableException("Inference service unavailable at " + baseUrl + ": "
                    + e.getMostSpecificCause().getMessage(), e);
        }
        if (response == null || response.embeddings() == null || response.embeddings().size() != 1) {
            throw new InferenceUnavailableException("Inference service at " + baseUrl
                    + " answered without exactly one embedding", null);
        }
        List<Float> values = response.embeddings().getFirst();
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
