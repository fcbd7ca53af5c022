package dev.sonority.api.map;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the stored maps ({@code song_map}, written only by the worker's MAP task). */
@Component
class MapStore {

    private final JdbcClient jdbc;

    MapStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What identifies one stored map: its method and when it was computed (the same on all its rows). */
    record Stored(String method, Instant computedAt) {
    }

    boolean hasVectors(String model) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM embedding WHERE model = :m AND kind = 'search')")
                .param("m", model).query(Boolean.class).single();
    }

    Optional<Stored> find(String model) {
        return jdbc.sql("SELECT method, computed_at FROM song_map WHERE model = :m LIMIT 1").param("m", model)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * The map's points, by song id. A percent below 100 keeps the songs whose hashed id falls in that share of 100
     * buckets: a stable sample (the same songs on every request and after a recompute), spread over the library.
     */
    List<Map<String, Object>> points(String model, int percent) {
        List<Map<String, Object>> points = new ArrayList<>();
        jdbc.sql("""
                SELECT s.path, m.x, m.y, s.genre, s.title, s.artist, s.album
                  FROM song_map m JOIN song s ON s.id = m.song_id
                 WHERE m.model = :m AND (:percent = 100 OR mod(abs(hashint8(m.song_id)::bigint), 100) < :percent)
                 ORDER BY m.song_id
                """).param("m", model).param("percent", percent).query(rs -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("file_path", rs.getString(1));
                    p.put("x", rs.getFloat(2));
                    p.put("y", rs.getFloat(3));
                    p.put("genre", rs.getString(4));
                    p.put("title", rs.getString(5));
                    p.put("artist", rs.getString(6));
                    p.put("album", rs.getString(7));
                    points.add(p);
                });
        return points;
    }
}
