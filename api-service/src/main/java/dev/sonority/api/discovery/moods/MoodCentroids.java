package dev.sonority.api.discovery.moods;

import dev.sonority.api.search.Moods;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The centroid of each MusiCNN mood in a model's space: the mean of the search vectors of the songs
 * {@linkplain Moods strong} in that mood (probability at least {@value Moods#STRONG}), normalised. One streaming
 * query over the library computes all six; the result is kept until the mood probabilities or that model's
 * vectors change (their row count or latest {@code updated_at}, read from an index on every use).
 */
@Component
public class MoodCentroids {

    /** What a computation was made from; a different version recomputes. */
    private record Version(long moods, OffsetDateTime moodsUpdated, long vectors, OffsetDateTime vectorsUpdated) {
    }

    private record Computed(Version version, Map<String, MoodCentroid> centroids) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Computed> byModel = new ConcurrentHashMap<>();

    MoodCentroids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The centroid of {@code mood} in {@code model}'s space; empty when no song strong in it has a vector. */
    public Optional<MoodCentroid> centroid(String model, String mood) {
        return Optional.ofNullable(all(model).get(mood));
    }

    /** Every mood that has a centroid in {@code model}'s space, in MusiCNN's order. */
    public Map<String, MoodCentroid> all(String model) {
        Version version = version(model);
        Computed computed = byModel.get(model);
        if (computed == null || !computed.version().equals(version)) {
            computed = new Computed(version, compute(model));
            byModel.put(model, computed);
        }
        return computed.centroids();
    }

    /** How many songs are strong in each mood (whatever their models), in MusiCNN's order. */
    public Map<String, Integer> songCounts() {
        int[] counts = new int[MusicnnLabels.MOODS.size()];
        jdbc.sql("SELECT e.data FROM embedding e JOIN song s ON s.id = e.song_id"
                        + " WHERE e.model = 'musicnn' AND e.kind = :kind AND s.missing_since IS NULL")
                .param("kind", EmbeddingKind.MOODS)
                .query(rs -> {
                    float[] scores = VectorCodec.decode(rs.getBytes("data"));
                    for (int mood = 0; mood < counts.length; mood++) {
                        if (Moods.strong(scores, mood)) {
                            counts[mood]++;
                        }
                    }
                });
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int mood = 0; mood < counts.length; mood++) {
            result.put(MusicnnLabels.MOODS.get(mood), counts[mood]);
        }
        return result;
    }

    private Version version(String model) {
        Map<String, Object[]> byKind = new java.util.HashMap<>();
        jdbc.sql("SELECT kind, count(*) AS n, max(updated_at) AS latest FROM embedding"
                        + " WHERE (model = 'musicnn' AND kind = :moods) OR (model = :model AND kind = :search)"
                        + " GROUP BY kind")
                .param("moods", EmbeddingKind.MOODS).param("model", model).param("search", EmbeddingKind.SEARCH)
                .query(rs -> {
                    byKind.put(rs.getString("kind"), new Object[] {rs.getLong("n"),
                            rs.getObject("latest", OffsetDateTime.class)});
                });
        Object[] moods = byKind.getOrDefault(EmbeddingKind.MOODS, new Object[] {0L, null});
        Object[] vectors = byKind.getOrDefault(EmbeddingKind.SEARCH, new Object[] {0L, null});
        return new Version((Long) moods[0], (OffsetDateTime) moods[1], (Long) vectors[0], (OffsetDateTime) vectors[1]);
    }

    private Map<String, MoodCentroid> compute(String model) {
        int moods = MusicnnLabels.MOODS.size();
        double[][] sums = new double[moods][];
        List<Set<Long>> songs = new ArrayList<>();
        for (int mood = 0; mood < moods; mood++) {
            songs.add(new HashSet<>());
        }
        jdbc.sql("""
                SELECT m.song_id, m.data AS moods, v.data AS vector
                FROM embedding m
                JOIN embedding v ON v.song_id = m.song_id AND v.model = :model AND v.kind = :search
                JOIN song s ON s.id = m.song_id
                WHERE m.model = 'musicnn' AND m.kind = :moods AND s.missing_since IS NULL""")
                .param("model", model).param("search", EmbeddingKind.SEARCH).param("moods", EmbeddingKind.MOODS)
                .query(rs -> {
                    float[] scores = VectorCodec.decode(rs.getBytes("moods"));
                    float[] vector = null;
                    for (int mood = 0; mood < moods; mood++) {
                        if (!Moods.strong(scores, mood)) {
                            continue;
                        }
                        vector = vector == null ? VectorCodec.decode(rs.getBytes("vector")) : vector;
                        sums[mood] = sums[mood] == null ? new double[vector.length] : sums[mood];
                        for (int i = 0; i < vector.length; i++) {
                            sums[mood][i] += vector[i];
                        }
                        songs.get(mood).add(rs.getLong("song_id"));
                    }
                });
        Map<String, MoodCentroid> centroids = new LinkedHashMap<>();
        for (int mood = 0; mood < moods; mood++) {
            if (sums[mood] == null) {
                continue;
            }
            float[] mean = new float[sums[mood].length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) sums[mood][i];
            }
            if (Vectors.norm(mean) > 1e-9) { // strong songs pointing every way cancel out: no direction left
                String name = MusicnnLabels.MOODS.get(mood);
                centroids.put(name, new MoodCentroid(name, Vectors.normalizeInPlace(mean), Set.copyOf(songs.get(mood))));
            }
        }
        return centroids;
    }
}
