package dev.sonority.model.analysis;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every change of a {@code song_analysis} row (one model's analysis of one song). The rules that make
 * analysis exactly-once per song and model version live in these statements:
 * <ul>
 * <li>an analyze task marks PENDING only songs that lack a result of the current model version;
 * <li>an attempt claims a song's rows (RUNNING, attempt counted, committed at once) and computes with no
 *     transaction open; its worker renews the claim ({@code updated_at}), so a duplicate message skips a
 *     song a live worker holds, and a claim nobody renewed for {@code staleAfter} may be claimed again;
 * <li>COMPLETED and FAILED are written in the short transaction that first checked, under a row lock, that
 *     the rows still carry the attempt's claim.
 * </ul>
 * Statuses are bound from {@link AnalysisStatus}, never written as SQL literals.
 */
public class AnalysisTransitions {

    private final JdbcClient jdbc;

    public AnalysisTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A statement with every {@link AnalysisStatus} offered as a named parameter ({@code :pending},
     * {@code :running}, ...); those a statement does not use are ignored.
     */
    private JdbcClient.StatementSpec sql(String sql) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (AnalysisStatus status : AnalysisStatus.values()) {
            statement = statement.param(status.name().toLowerCase(Locale.ROOT), status.name());
        }
        return statement;
    }

    /** Marks for a task every present, readable song lacking a current result of the model. */
    public int markPending(UUID taskId, String model, String version) {
        return sql("""
                INSERT INTO song_analysis (song_id, model, status, task_id, attempts, updated_at)
                SELECT s.id, :model, :pending, :task, 0, now()
                  FROM song s LEFT JOIN song_analysis a ON a.song_id = s.id AND a.model = :model
                 WHERE s.missing_since IS NULL AND s.scan_error IS NULL
                   AND (a.song_id IS NULL OR a.status IN (:pending, :running)
                        OR a.model_version IS DISTINCT FROM :version)
                ON CONFLICT (song_id, model) DO UPDATE SET
                       status = CASE WHEN song_analysis.task_id = EXCLUDED.task_id THEN song_analysis.status
                                     ELSE :pending END,
                       attempts = CASE WHEN song_analysis.task_id = EXCLUDED.task_id THEN song_analysis.attempts
                                       ELSE 0 END,
                       task_id = EXCLUDED.task_id, error_reason = NULL, updated_at = now()
                 WHERE song_analysis.status IN (:pending, :running)
                    OR song_analysis.model_version IS DISTINCT FROM :version
                """).param("model", model).param("task", taskId).param("version", version).update();
    }

    /**
     * Claims a song's unfinished rows of a task for one attempt and counts it: rows PENDING, or RUNNING under
     * a claim not renewed for {@code staleAfter}. Empty when the song is finished, deleted, or held by a live
     * worker.
     */
    public List<AnalysisClaim> claimAttempt(long songId, UUID taskId, Duration staleAfter) {
        return sql("""
                UPDATE song_analysis SET attempts = attempts + 1, status = :running, started_at = now(),
                       updated_at = now()
                 WHERE song_id = :song AND task_id = :task
                   AND (status = :pending OR (status = :running AND updated_at < now() - make_interval(secs => :stale)))
                   AND NOT EXISTS (SELECT 1 FROM song_analysis live WHERE live.song_id = :song AND live.task_id = :task
                                      AND live.status = :running
                                      AND live.updated_at >= now() - make_interval(secs => :stale))
                RETURNING model, attempts
                """).param("song", songId).param("task", taskId).param("stale", seconds(staleAfter))
                .query((rs, n) -> new AnalysisClaim(rs.getString("model"), rs.getInt("attempts"))).list();
    }

    /**
     * Gives back a claimed attempt, and the row to the next claim, when the attempt ended because a dependency
     * (the inference service) was down rather than because of the file.
     */
    public void releaseAttempt(long songId, UUID taskId, AnalysisClaim claimed) {
        sql("""
                UPDATE song_analysis SET attempts = greatest(attempts - 1, 0), status = :pending, updated_at = now()
                 WHERE song_id = :song AND task_id = :task AND model = :model AND status = :running
                   AND attempts = :attempts
                """).param("song", songId).param("task", taskId).param("model", claimed.model())
                .param("attempts", claimed.attempts()).update();
    }

    /** Renews a claim, so other workers go on seeing the song as held. */
    public void renew(long songId, UUID taskId) {
        sql("""
                UPDATE song_analysis SET updated_at = now()
                 WHERE song_id = :song AND task_id = :task AND status = :running
                """).param("song", songId).param("task", taskId).update();
    }

    /** Puts stale claims (their songs published again) back to PENDING, so they are not published again. */
    public void requeueStale(UUID taskId, List<Long> songIds, Duration staleAfter) {
        sql("""
                UPDATE song_analysis SET status = :pending, updated_at = now()
                 WHERE task_id = :task AND song_id IN (:songs) AND status = :running
                   AND updated_at < now() - make_interval(secs => :stale)
                """).param("task", taskId).param("songs", songIds).param("stale", seconds(staleAfter)).update();
    }

    public void completed(long songId, String model, String version) {
        sql("""
                UPDATE song_analysis SET status = :completed, model_version = :version, error_reason = NULL,
                       completed_at = now(), updated_at = now() WHERE song_id = :song AND model = :model
                """).param("version", version).param("song", songId).param("model", model).update();
    }

    public void failed(long songId, String model, @Nullable String version, String reason) {
        sql("""
                UPDATE song_analysis SET status = :failed, model_version = :version, error_reason = :reason,
                       completed_at = now(), updated_at = now() WHERE song_id = :song AND model = :model
                """).param("version", version).param("reason", reason).param("song", songId).param("model", model)
                .update();
    }

    /**
     * Writes a finished analysis carried over from a library export (COMPLETED or FAILED only: pending and running
     * rows belong to tasks of the library that made the export). It replaces whatever this library holds for the
     * song and model, since the export's row comes with the vectors the import writes next to it; its times are
     * kept as exported (a re-export gives the same row).
     */
    public void imported(long songId, String model, AnalysisStatus status, @Nullable String version,
            @Nullable String reason, java.time.@Nullable Instant completedAt) {
        if (status != AnalysisStatus.COMPLETED && status != AnalysisStatus.FAILED) {
            throw new IllegalArgumentException("only finished analyses are imported, not " + status);
        }
        sql("""
                INSERT INTO song_analysis (song_id, model, status, model_version, error_reason, attempts, task_id,
                                           completed_at, updated_at)
                VALUES (:song, :model, :status, :version, :reason, 0, NULL, CAST(:completedAt AS timestamptz), now())
                ON CONFLICT (song_id, model) DO UPDATE SET status = EXCLUDED.status,
                       model_version = EXCLUDED.model_version, error_reason = EXCLUDED.error_reason, attempts = 0,
                       task_id = NULL, started_at = NULL, completed_at = EXCLUDED.completed_at, updated_at = now()
                """).param("song", songId).param("model", model).param("status", status.name())
                .param("version", version).param("reason", reason)
                .param("completedAt", completedAt == null ? null : java.sql.Timestamp.from(completedAt)).update();
    }

    /** Forgets the analyses of songs whose file changed, so the next analyze computes them again. */
    public void forget(Collection<Long> songIds) {
        jdbc.sql("DELETE FROM song_analysis WHERE song_id IN (:ids)").param("ids", songIds).update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
