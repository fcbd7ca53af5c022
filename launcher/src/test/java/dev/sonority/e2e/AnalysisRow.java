package dev.sonority.e2e;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One model's analysis of one song as PostgreSQL holds it, with the number of times it became COMPLETED
 * (from {@link dev.sonority.testing.CompletionLog}'s table).
 */
record AnalysisRow(long songId, String path, String model, String status, String reason, UUID taskId,
        long completions) {

    /** The rows of {@code models} of every song under the folder {@code album} of the music directory. */
    static List<AnalysisRow> ofAlbum(JdbcClient jdbc, String album, List<String> models) {
        return jdbc.sql("""
                SELECT s.id, s.path, a.model, a.status, a.error_reason, a.task_id,
                       (SELECT count(*) FROM completion_log c WHERE c.song_id = s.id AND c.model = a.model) AS completions
                  FROM song s JOIN song_analysis a ON a.song_id = s.id
                 WHERE s.path LIKE :folder AND a.model IN (:models) ORDER BY s.path, a.model
                """).param("folder", album + "/%").param("models", models)
                .query((rs, n) -> new AnalysisRow(rs.getLong("id"), rs.getString("path"), rs.getString("model"),
                        rs.getString("status"), rs.getString("error_reason"), rs.getObject("task_id", UUID.class),
                        rs.getLong("completions"))).list();
    }
}
