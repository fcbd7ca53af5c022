package dev.sonority.worker.inference;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.model.inference.InferenceClient;
import dev.sonority.model.inference.InferenceUnavailableException;
import dev.sonority.model.inference.RemoteModel;
import dev.sonority.worker.config.TransientDependencyException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The inference service as the worker calls it: with the worker's timeouts and windows, and an outage of the
 * service turned into a {@link TransientDependencyException}, so the song goes back to the queue instead of
 * being marked failed. Refusals ({@link dev.sonority.model.inference.InferenceRejectedException}) pass
 * through: they are the song's or the model's, recorded with it.
 */
public class TransientInference {

    private final InferenceClient client;
    private final int windows;

    public TransientInference(InferenceProperties properties) {
        if (properties.url() == null) {
            throw new IllegalArgumentException("INFERENCE_URL is not set");
        }
        // the model list is small and answered from memory: twice the connect time is plenty
        this.client = new InferenceClient(properties.url(), properties.connectTimeout(),
                properties.connectTimeout().multipliedBy(2), properties.requestTimeout());
        this.windows = properties.windows();
    }

    public URI base() {
        return client.base();
    }

    List<RemoteModel> models() {
        return transientOnOutage(client::models);
    }

    /** Every model's output for one song's audio, all at {@code sampleRate}. */
    Map<String, AudioEmbedding> embedAudio(float[] samples, int sampleRate, List<String> models) {
        return transientOnOutage(() -> client.embedAudio(samples, sampleRate, models, windows));
    }

    /** One unit-length vector per text, in order. */
    List<float[]> embedText(String model, List<String> texts) {
        return transientOnOutage(() -> client.embedText(model, texts));
    }

    private static <T> T transientOnOutage(Supplier<T> call) {
        try {
            return call.get();
        } catch (InferenceUnavailableException e) {
            throw new TransientDependencyException(e.getMessage(), e);
        }
    }
}
