package dev.sonority.api.search;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.inference.InferenceClient;
import dev.sonority.model.inference.InferenceRejectedException;
import dev.sonority.model.inference.RemoteModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Embeds search queries, texts and audio clips, with inference-service (contract section A). A model the
 * service cannot run (409 not installed, 503 failed to load, 400 unknown) is a {@link ModelUnavailableException}
 * so the caller can fall back to another model; the service being unreachable, slow or failing is an
 * {@link InferenceUnavailableException}, which search answers with 503 naming it.
 */
@Component
class QueryEmbedder {

    /** The statuses of a refusal that another model may not get; any other failure is the service's. */
    private static final Set<Integer> TEXT_REFUSALS = Set.of(409, 503, 400, 404);
    private static final Set<Integer> AUDIO_REFUSALS = Set.of(409, 503, 400);

    private final Map<String, Integer> sampleRates = new ConcurrentHashMap<>();
    private final InferenceClient client;
    private final String baseUrl;

    QueryEmbedder(SearchProperties properties) {
        this.baseUrl = properties.inferenceUrl().toString().replaceAll("/+$", "");
        this.client = new InferenceClient(properties.inferenceUrl(), properties.inferenceConnectTimeout(),
                properties.inferenceTimeout(), properties.inferenceTimeout());
    }

    /** The L2-normalised embedding of {@code text} by {@code model}. */
    float[] embedText(String model, String text) {
        List<float[]> embeddings = searchFailures("text", model, TEXT_REFUSALS,
                () -> client.embedText(model, List.of(text)));
        return unitVector(embeddings.getFirst(), model);
    }

    /** The sample rate {@code model} needs, from {@code GET /v1/models} (cached: it does not change). */
    int sampleRate(String model) {
        Integer cached = sampleRates.get(model);
        if (cached != null) {
            return cached;
        }
        for (RemoteModel info : searchFailures("models", model, Set.of(), client::models)) {
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
        AudioEmbedding result = searchFailures("audio", model, AUDIO_REFUSALS,
                () -> client.embedAudio(pcm, sampleRate, List.of(model), 0)).get(model);
        if (result == null || result.embedding() == null || result.embedding().length == 0) {
            throw new ModelUnavailableException("inference-service returned no " + model + " embedding");
        }
        return unitVector(result.embedding(), model);
    }

    /**
     * The one place where the shared client's failures become search's: a refusal in {@code refusals} (the
     * model is not installed, failed to load, unknown) lets the caller fall back; anything else is a failure
     * of the service itself.
     */
    private <T> T searchFailures(String what, String model, Set<Integer> refusals, Supplier<T> call) {
        try {
            return call.get();
        } catch (InferenceRejectedException e) {
            throw refusedOrFailed(e.status(), e.detail(), what, model, refusals, e);
        } catch (dev.sonority.model.inference.InferenceUnavailableException e) {
            if (e.status() != null && e.detail() != null) {
                throw refusedOrFailed(e.status(), e.detail(), what, model, refusals, e);
            }
            // no answer: name the I/O failure itself (timed out, refused), not the client's wording around it
            String why = e.getCause() instanceof IOException io && io.getMessage() != null ? io.getMessage()
                    : e.getMessage();
            throw new InferenceUnavailableException("Inference service unavailable at " + baseUrl + ": " + why, e);
        }
    }

    private RuntimeException refusedOrFailed(int status, String detail, String what, String model,
            Set<Integer> refusals, RuntimeException cause) {
        if (refusals.contains(status)) {
            return new ModelUnavailableException("inference-service cannot embed " + what + " with " + model + " ("
                    + status + "): " + detail);
        }
        return new InferenceUnavailableException("Inference service at " + baseUrl + " failed (" + status + "): "
                + detail, cause);
    }

    /** The answer as a unit vector; an empty, non-finite or zero one is the model's failure. */
    private static float[] unitVector(float[] vector, String model) {
        if (!Vectors.hasDirection(vector)) {
            throw new ModelUnavailableException("inference-service returned an unusable " + model + " embedding");
        }
        return Vectors.normalizeInPlace(vector);
    }
}
