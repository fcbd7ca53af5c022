package dev.sonority.worker.qdrant;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.vector.store.VectorPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads songs' search vectors from PostgreSQL as Qdrant points: the vector of {@code embedding} (kind
 * {@code search}) and a payload of the song's filterable fields (path, tags, tempo, key, a few descriptors).
 */
@Component
class SearchPointRows {

    private static final String SELECT = """
            SELECT e.song_id, e.data, e.model_version, s.path, s.title, s.artist, s.album, s.album_artist, s.genre,
                   s.year, s.duration_seconds, d.bpm, d.musical_key, d.scale, d.energy, d.danceability,
                   d.loudness_lufs
              FROM embedding e JOIN song s ON s.id = e.song_id LEFT JOIN song_descriptors d ON d.song_id = e.song_id
             WHERE e.model = :model AND e.kind = 'search'
            """;

    private final JdbcClient jdbc;

    SearchPointRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The points of these songs that have a {@code model} search vector (others are simply absent). */
    List<VectorPoint> forSongs(String model, Collection<Long> songIds) {
        return jdbc.sql(SELECT + " AND e.song_id IN (:ids) ORDER BY e.song_id").param("model", model)
                .param("ids", songIds).query((rs, n) -> point(rs)).list();
    }

    /** Up to {@code limit} points with a song id above {@code afterSongId}, in song order (keyset paging). */
    List<VectorPoint> page(String model, long afterSongId, int limit) {
        return jdbc.sql(SELECT + " AND e.song_id > :after ORDER BY e.song_id LIMIT :limit").param("model", model)
                .param("after", afterSongId).param("limit", limit).query((rs, n) -> point(rs)).list();
    }

    /** Every model with at least one search vector. */
    List<String> models() {
        return jdbc.sql("SELECT DISTINCT model FROM embedding WHERE kind = 'search' ORDER BY model")
                .query(String.class).list();
    }

    int count(String model) {
        return jdbc.sql("SELECT count(*) FROM embedding WHERE model = :model AND kind = 'search'")
                .param("model", model).query(Integer.class).single();
    }

    /** The dimension of {@code model}'s vectors (of its first song), if it has any. */
    java.util.Optional<Integer> dimension(String model) {
        return jdbc.sql("SELECT dim FROM embedding WHERE model = :model AND kind = 'search' ORDER BY song_id LIMIT 1")
                .param("model", model).query(Integer.class).optional();
    }

    private static VectorPoint point(ResultSet rs) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("file_path", rs.getString("path"));
        put(payload, "model_version", rs.getString("model_version"));
        put(payload, "title", rs.getString("title"));
        put(payload, "artist", rs.getString("artist"));
        put(payload, "album", rs.getString("album"));
        put(payload, "album_artist", rs.getString("album_artist"));
        put(payload, "genre", rs.getString("genre"));
        put(payload, "year", rs.getObject("year"));
        put(payload, "duration_seconds", rs.getObject("duration_seconds"));
        put(payload, "bpm", rs.getObject("bpm"));
        put(payload, "key", rs.getString("musical_key"));
        put(payload, "scale", rs.getString("scale"));
        put(payload, "energy", rs.getObject("energy"));
        put(payload, "danceability", rs.getObject("danceability"));
        put(payload, "loudness_lufs", rs.getObject("loudness_lufs"));
        return new VectorPoint(rs.getLong("song_id"), VectorCodec.decode(rs.getBytes("data")), payload);
    }

    private static void put(Map<String, Object> payload, String key, Object value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
