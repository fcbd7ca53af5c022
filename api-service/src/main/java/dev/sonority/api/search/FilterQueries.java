package dev.sonority.api.search;

import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resolves {@link SongFilters} to the ids of the songs they allow, so every vector store filters the same
 * way ({@code VectorFilter.allowed}). The WHERE clause is assembled from fixed fragments; values are
 * parameters. Moods are float vectors in {@code embedding}, so they are compared here after reading them.
 */
@Repository
class FilterQueries {

    private static final List<String> KEYS = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");

    private final JdbcClient jdbc;

    FilterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The allowed song ids, or null when there are no filters (every song). */
    Set<Long> allowed(SongFilters filters) {
        if (filters.none()) {
            return null;
        }
        List<String> where = new ArrayList<>(List.of("s.missing_since IS NULL"));
        Map<String, Object> params = new HashMap<>();
        if (filters.genre() != null) {
            where.add("lower(s.genre) = lower(:genre)");
            params.put("genre", filters.genre());
        }
        if (filters.artist() != null) {
            where.add("(lower(s.artist) = lower(:artist) OR lower(s.album_artist) = lower(:artist))");
            params.put("artist", filters.artist());
        }
        if (filters.bpmMin() != null) {
            where.add("d.bpm >= :bpmMin");
            params.put("bpmMin", filters.bpmMin());
        }
        if (filters.bpmMax() != null) {
            where.add("d.bpm <= :bpmMax");
            params.put("bpmMax", filters.bpmMax());
        }
        if (filters.key() != null) {
            where.add("d.musical_key = :key");
            params.put("key", KEYS.get(filters.key()));
        }
        if (filters.scale() != null) {
            where.add("lower(d.scale) = :scale");
            params.put("scale", filters.scale());
        }
        Set<Long> ids = new HashSet<>(jdbc.sql("SELECT s.id FROM song s LEFT JOIN song_descriptors d ON d.song_id = s.id"
                + " WHERE " + String.join(" AND ", where)).params(params).query(Long.class).list());
        if (!filters.moods().isEmpty()) {
            ids.retainAll(withMoods(filters.moods()));
        }
        return ids;
    }

    private Set<Long> withMoods(List<String> moods) {
        int[] columns = moods.stream().mapToInt(MusicnnLabels.MOODS::indexOf).toArray();
        Set<Long> ids = new HashSet<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = 'musicnn' AND kind = :kind")
                .param("kind", EmbeddingKind.MOODS)
                .query(rs -> {
                    float[] scores = VectorCodec.decode(rs.getBytes("data"));
                    for (int column : columns) {
                        if (!Moods.strong(scores, column)) {
                            return;
                        }
                    }
                    ids.add(rs.getLong("song_id"));
                });
        return ids;
    }
}
