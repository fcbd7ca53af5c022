package dev.sonority.api.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes {@link DbStats} in one statement. Each count is answered by an index: the per-model counts by
 * index-only scans of {@code song_analysis_model_status_idx}, missing songs by {@code song_missing_idx},
 * failed analyses by {@code song_analysis_failed_idx}, tasks by {@code task_status_idx}. Only
 * {@code scan_error IS NOT NULL} has no index and scans {@code song} (see the module README).
 */
@Component
public class StatsQuery {

    private static final String SQL = """
            SELECT
              (SELECT count(*) FROM song) - (SELECT count(*) FROM song WHERE missing_since IS NOT NULL),
              (SELECT count(*) FROM song_analysis WHERE model = 'acoustic_features' AND status = 'COMPLETED'),
              (SELECT count(*) FROM song_analysis WHERE model = 'clap' AND status = 'COMPLETED'),
              (SELECT count(*) FROM song_analysis WHERE model = 'mert' AND status = 'COMPLETED'),
              (SELECT count(*) FROM song_analysis WHERE model = 'muq' AND status = 'COMPLETED'),
              (SELECT count(*) FROM song_analysis WHERE model = 'muq_mulan' AND status = 'COMPLETED'),
              (SELECT count(*) FROM task WHERE status = 'PENDING' AND parent_id IS NULL),
              (SELECT count(*) FROM task WHERE status = 'RUNNING' AND parent_id IS NULL),
              (SELECT count(*) FROM song_analysis WHERE model = 'musicnn' AND status = 'COMPLETED'),
              (SELECT count(*) FROM (SELECT song_id FROM song_analysis WHERE status = 'FAILED'
                                     UNION SELECT id FROM song WHERE scan_error IS NOT NULL) failed)
            """;

    private final JdbcClient jdbc;

    public StatsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DbStats compute() {
        return jdbc.sql(SQL).query((rs, row) -> new DbStats(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10))).single();
    }
}
