package dev.sonority.model.vector.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one model's search vectors: nearest neighbours by cosine similarity. Implementations are
 * thread-safe. Vectors are the L2-normalised {@code search} embeddings stored in PostgreSQL.
 */
public interface VectorStore {

    /** The adapter's name as configured ({@code embedded}, {@code qdrant}). */
    String kind();

    /**
     * Whether this store can answer for {@code model} now. False while an index is still loading: the caller
     * answers 503 with {@code Retry-After} rather than a wrong empty list.
     */
    boolean ready(String model);

    /** How many songs have a vector for {@code model} (0 when none). */
    long size(String model);

    /** The stored vector of one song, if it has one for {@code model}. */
    Optional<float[]> vector(String model, long songId);

    /**
     * The stored vectors of several songs, those that have one for {@code model}. Stores that can read many at
     * once override this; the default asks for each.
     */
    default Map<Long, float[]> vectors(String model, Collection<Long> songIds) {
        Map<Long, float[]> vectors = new HashMap<>(songIds.size() * 2);
        for (long songId : songIds) {
            vector(model, songId).ifPresent(vector -> vectors.put(songId, vector));
        }
        return vectors;
    }

    /**
     * The {@code k} nearest songs to {@code query} (unit length), best first.
     *
     * @throws VectorStoreUnavailableException when the backing store cannot be reached or is not ready
     */
    List<VectorHit> nearest(String model, float[] query, int k, VectorFilter filter);
}
