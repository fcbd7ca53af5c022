package dev.sonority.model.vector.store;

import java.util.Map;

/**
 * A song's search vector with the filterable fields stored beside it (artist, album, genre, bpm, key ...).
 *
 * @param payload string, number or boolean values only; may be empty, never null
 */
public record VectorPoint(long songId, float[] vector, Map<String, Object> payload) {

    public VectorPoint {
        payload = Map.copyOf(payload);
    }
}
