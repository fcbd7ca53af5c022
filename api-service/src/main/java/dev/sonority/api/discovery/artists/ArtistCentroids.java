package dev.sonority.api.discovery.artists;

import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.vector.store.VectorStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The centroid of every artist's songs in a model's space, read in one streaming pass over the model's vectors
 * in PostgreSQL (the same for either vector store), to find the artists worth comparing in full. Kept until the
 * artists or the model's index change.
 */
@Component
class ArtistCentroids {

    private record Computed(long artists, long indexed, Map<String, float[]> centroids) {
    }

    private final JdbcClient jdbc;
    private final ArtistDirectory directory;
    private final VectorStore store;
    private final Map<String, Computed> byModel = new ConcurrentHashMap<>();

    ArtistCentroids(JdbcClient jdbc, ArtistDirectory directory, VectorStore store) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.store = store;
    }

    /** Artist key to the unit centroid of its songs that have a vector of {@code model}. */
    Map<String, float[]> of(String model) {
        long artists = directory.version();
        long indexed = store.size(model);
        Computed computed = byModel.get(model);
        if (computed == null || computed.artists() != artists || computed.indexed() != indexed) {
            computed = new Computed(artists, indexed, compute(model));
            byModel.put(model, computed);
        }
        return computed.centroids();
    }

    private Map<String, float[]> compute(String model) {
        Map<Long, String> artistOf = directory.artistOfSongs();
        Map<String, double[]> sums = new HashMap<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = :model AND kind = :kind")
                .param("model", model).param("kind", EmbeddingKind.SEARCH)
                .query(rs -> {
                    String artist = artistOf.get(rs.getLong("song_id"));
                    if (artist == null) {
                        return;
                    }
                    float[] vector = VectorCodec.decode(rs.getBytes("data"));
                    double[] sum = sums.computeIfAbsent(artist, a -> new double[vector.length]);
                    for (int i = 0; i < vector.length && i < sum.length; i++) {
                        sum[i] += vector[i];
                    }
                });
        Map<String, float[]> centroids = new HashMap<>(sums.size() * 2);
        sums.forEach((artist, sum) -> {
            float[] mean = new float[sum.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) sum[i];
            }
            centroids.put(artist, Vectors.normalizeInPlace(mean));
        });
        return centroids;
    }
}
