package dev.sonority.worker.analyze;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a model computed for one song.
 *
 * @param vectors by kind ({@link dev.sonority.model.embedding.EmbeddingKind}): the search vector, raw values,
 *     tag scores, ...; every value finite
 * @param descriptors scalar descriptors for the {@code song_descriptors} row, or null when the model has none
 */
public record ModelOutput(Map<String, float[]> vectors, @Nullable Descriptors descriptors) {

    public ModelOutput {
        vectors = Map.copyOf(vectors);
        for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
            for (float value : entry.getValue()) {
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("vector '" + entry.getKey() + "' holds " + value
                            + "; only finite values are ever stored");
                }
            }
        }
    }
}
