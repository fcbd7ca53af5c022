package dev.sonority.inference.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one audio model returns for a track.
 *
 * @param embedding the vector stored as the song's {@code search} vector (L2-normalised where the model's contract
 *        says so); finite
 * @param windows how many windows were run (after {@link WindowSelection#pick})
 * @param extras further JSON fields of this model's result, in output order (musicnn: tags, tag_labels, moods,
 *        mood_labels); empty for most models
 */
public record AudioEmbedding(float[] embedding, int windows, Map<String, Object> extras) {

    public AudioEmbedding {
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras)); // keeps the caller's order
    }

    public AudioEmbedding(float[] embedding, int windows) {
        this(embedding, windows, Map.of());
    }
}
