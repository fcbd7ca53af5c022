package dev.sonority.inference.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one audio model returns for a track; the service adds the model's version and sends it as common-contract's
 * {@link dev.sonority.contract.inference.AudioEmbedding}.
 *
 * @param embedding the vector stored as the song's {@code search} vector (L2-normalised where the model's contract
 *        says so); finite
 * @param windows how many windows were run (after {@link WindowSelection#pick})
 * @param tags tag scores in {@code tagLabels} order (musicnn); null for other models
 * @param moods mood probabilities in {@code moodLabels} order (musicnn); null for other models
 */
public record AudioEmbedding(float[] embedding, int windows, float @Nullable [] tags, @Nullable List<String> tagLabels,
        float @Nullable [] moods, @Nullable List<String> moodLabels) {

    public AudioEmbedding(float[] embedding, int windows) {
        this(embedding, windows, null, null, null, null);
    }
}
