package dev.sonority.worker.songs;

import dev.sonority.contract.vector.VectorCodec;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes rows of the {@code embedding} table: one vector per (song, model, kind), replaced in place, so a
 * song analysed again (a redelivered message, a new model version) never holds two. Every writer of vectors
 * in the worker goes through here.
 */
@Component
public class EmbeddingTable {

    /** One vector to store. */
    public record Row(long songId, String model, String kind, float[] vector, String version) {
    }

    private static final String UPSERT = """
            INSERT INTO embedding (song_id, model, kind, dim, data, model_version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (song_id, model, kind) DO UPDATE SET dim = EXCLUDED.dim, data = EXCLUDED.data,
                   model_version = EXCLUDED.model_version, updated_at = now()
            """;

    private final JdbcTemplate jdbc;

    EmbeddingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(long songId, String model, String kind, float[] vector, String version) {
        upsert(List.of(new Row(songId, model, kind, vector, version)));
    }

    /** Many rows in one JDBC batch. */
    public void upsert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row row : rows) {
            args.add(new Object[] {row.songId(), row.model(), row.kind(), row.vector().length,
                VectorCodec.encode(row.vector()), row.version()});
        }
        jdbc.batchUpdate(UPSERT, args);
    }
}
