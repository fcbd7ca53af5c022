package dev.sonority.api.search;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The song rows search needs: ids of paths, summaries and descriptors of results, MusiCNN tag scores. Paths and
 * summaries come from the in-memory {@link SongDirectory} when it holds the song, else from PostgreSQL.
 */
@Repository
public class SongCatalog {

    /** Tempo, key and loudness of a song, for explanations; null fields were not measured. */
    record Descriptors(Double bpm, String key, String scale, Double loudnessLufs) {
    }

    private final JdbcClient jdbc;
    private final SongDirectory directory;

    SongCatalog(JdbcClient jdbc, SongDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * The id of the song stored under one of these spellings, preferring the first. The directory answers
     * with the first spelling it holds; only when it holds none is PostgreSQL asked (a song added since the
     * directory's last refresh).
     */
    public Optional<Long> idOf(List<String> spellings) {
        for (String spelling : spellings) {
            Long id = directory.idOf(spelling);
            if (id != null) {
                return Optional.of(id);
            }
        }
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("SELECT id, path FROM song WHERE path IN (:paths)").param("paths", spellings)
                .query((rs, n) -> found.put(rs.getString("path"), rs.getLong("id"))).list();
        return spellings.stream().filter(found::containsKey).map(found::get).findFirst();
    }

    /**
     * The id of the song a client names by its path (as MPD names it; a leading {@code /} is tolerated), under
     * any of its Unicode spellings ({@link dev.sonority.api.web.PathSpellings}).
     */
    public Optional<Long> idOfPath(String path) {
        return idOf(dev.sonority.api.web.PathSpellings.of(path.startsWith("/") ? path.substring(1) : path));
    }

    /** The result fields of these songs; songs whose file is gone (or that no longer exist) are left out. */
    public Map<Long, SongSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, SongSummary> songs = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            switch (directory.lookup(id)) {
                case SongDirectory.Lookup.Known known when known.summary() != null -> songs.put(id, known.summary());
                case SongDirectory.Lookup.Known missing -> { } // its file is gone: no answer
                case SongDirectory.Lookup.Unknown u -> unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return songs;
        }
        jdbc.sql("SELECT id, path, title, artist, album, album_artist, genre FROM song"
                        + " WHERE id IN (:ids) AND missing_since IS NULL") // a song whose file is gone is no answer
                .param("ids", unknown)
                .query((rs, n) -> songs.put(rs.getLong("id"), new SongSummary(rs.getLong("id"), rs.getString("path"),
                        rs.getString("title"), rs.getString("artist"), rs.getString("album"),
                        rs.getString("album_artist"), rs.getString("genre"))))
                .list();
        return songs;
    }

    Map<Long, Descriptors> descriptors(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Descriptors> result = new HashMap<>();
        jdbc.sql("SELECT song_id, bpm, musical_key, scale, loudness_lufs FROM song_descriptors WHERE song_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> result.put(rs.getLong("song_id"), new Descriptors(rs.getObject("bpm", Double.class),
                        rs.getString("musical_key"), rs.getString("scale"), rs.getObject("loudness_lufs", Double.class))))
                .list();
        return result;
    }

    /** MusiCNN's per-tag scores of these songs (only songs analysed with it). */
    Map<Long, float[]> tagScores(Collection<Long> ids) {
        return floats(ids, "musicnn", EmbeddingKind.TAGS);
    }

    /** MusiCNN's six mood probabilities of these songs, in {@code MusicnnLabels.MOODS} order. */
    public Map<Long, float[]> moodScores(Collection<Long> ids) {
        return floats(ids, "musicnn", EmbeddingKind.MOODS);
    }

    private Map<Long, float[]> floats(Collection<Long> ids, String model, String kind) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, float[]> result = new HashMap<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = :model AND kind = :kind AND song_id IN (:ids)")
                .param("model", model).param("kind", kind).param("ids", ids)
                .query((rs, n) -> result.put(rs.getLong("song_id"), VectorCodec.decode(rs.getBytes("data")))).list();
        return result;
    }
}
