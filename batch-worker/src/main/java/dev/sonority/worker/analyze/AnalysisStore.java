package dev.sonority.worker.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code song_analysis} rows of an analyze task and the task's counters. The rules that make analysis
 * exactly-once per song and model version live in these statements:
 * <ul>
 * <li>a fan-out marks PENDING only songs that lack a result of the current model version;
 * <li>a child claims a song's rows for one attempt (RUNNING, attempt counted, committed at once) and computes
 *     with no transaction open; the worker renews the claim ({@code updated_at}) every heartbeat, so a
 *     duplicate message skips a song a live worker holds, and a claim nobody renewed for {@code staleAfter}
 *     (a dead worker's) may be claimed again;
 * <li>the results, the transition to COMPLETED/FAILED and the parent's counters are written in one short
 *     transaction that first checks, under a row lock, that the rows still carry this attempt's claim, so a
 *     song is counted exactly once, and the last one ends the task.
 * </ul>
 */
@Component
class AnalysisStore {

    private final JdbcClient jdbc;

    AnalysisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks for this task every present, readable song lacking a current result of the model. */
    int markPending(UUID taskId, String model, String version) {
        return jdbc.sql("""
                INSERT INTO song_analysis (song_id, model, status, task_id, attempts, updated_at)
                SELECT s.id, :model, 'PENDING', :task, 0, now()
                  FROM song s LEFT JOIN song_analysis a ON a.song_id = s.id AND a.model = :model
                 WHERE s.missing_since IS NULL AND s.scan_error IS NULL
                   AND (a.song_id IS NULL OR a.status IN ('PENDING', 'RUNNING')
                        OR a.model_version IS DISTINCT FROM :version)
                ON CONFLICT (song_id, model) DO UPDATE SET
                       status = CASE WHEN song_analysis.task_id = EXCLUDED.task_id THEN song_analysis.status
                                     ELSE 'PENDING' END,
                       attempts = CASE WHEN song_analysis.task_id = EXCLUDED.task_id THEN song_analysis.attempts
                                       ELSE 0 END,
                       task_id = EXCLUDED.task_id, error_reason = NULL, updated_at = now()
                 WHERE song_analysis.status IN ('PENDING', 'RUNNING')
                    OR song_analysis.model_version IS DISTINCT FROM :version
                """).param("model", model).param("task", taskId).param("version", version).update();
    }

    /** Songs of the task still to do, in id order. */
    List<Long> unfinishedSongs(UUID taskId) {
        return jdbc.sql("""
                SELECT DISTINCT song_id FROM song_analysis
                 WHERE task_id = :task AND status IN ('PENDING', 'RUNNING') ORDER BY song_id
                """).param("task", taskId).query(Long.class).list();
    }

    /** A claimed model row of a song: the attempt number is the claim's token. */
    record Claimed(String model, int attempts) {
    }

    /** One attempt's claim on a song's unfinished rows of a task. */
    record Claim(long songId, UUID taskId, List<Claimed> rows) {

        Claim {
            rows = List.copyOf(rows);
        }

        List<String> models() {
            return rows.stream().map(Claimed::model).toList();
        }

        int attempts() {
            return rows.stream().mapToInt(Claimed::attempts).max().orElse(0);
        }
    }

    /**
     * Claims the song's unfinished rows of this task for one attempt and counts it (committed on its own):
     * rows PENDING, or RUNNING under a claim not renewed for {@code staleAfter}. Null when the song is finished,
     * deleted, or held by a live worker.
     */
    @Nullable Claim claimAttempt(long songId, UUID taskId, Duration staleAfter) {
        List<Claimed> rows = jdbc.sql("""
                UPDATE song_analysis SET attempts = attempts + 1, status = 'RUNNING', started_at = now(),
                       updated_at = now()
                 WHERE song_id = :song AND task_id = :task
                   AND (status = 'PENDING' OR (status = 'RUNNING' AND updated_at < now() - make_interval(secs => :stale)))
                   AND NOT EXISTS (SELECT 1 FROM song_analysis live WHERE live.song_id = :song AND live.task_id = :task
                                      AND live.status = 'RUNNING'
                                      AND live.updated_at >= now() - make_interval(secs => :stale))
                RETURNING model, attempts
                """).param("song", songId).param("task", taskId).param("stale", seconds(staleAfter))
                .query((rs, n) -> new Claimed(rs.getString("model"), rs.getInt("attempts"))).list();
        return rows.isEmpty() ? null : new Claim(songId, taskId, rows);
    }

    /**
     * Gives back the attempt {@link #claimAttempt} counted, and the song to the next claim, when the attempt
     * ended because a dependency (the inference service) was down rather than because of the file.
     */
    void releaseAttempt(Claim claim) {
        for (Claimed row : claim.rows()) {
            jdbc.sql("""
                    UPDATE song_analysis SET attempts = greatest(attempts - 1, 0), status = 'PENDING', updated_at = now()
                     WHERE song_id = :song AND task_id = :task AND model = :model AND status = 'RUNNING'
                       AND attempts = :attempts
                    """).param("song", claim.songId()).param("task", claim.taskId()).param("model", row.model())
                    .param("attempts", row.attempts()).update();
        }
    }

    /** Renews the claim, so other workers go on seeing the song as held. */
    void renew(Claim claim) {
        jdbc.sql("""
                UPDATE song_analysis SET updated_at = now()
                 WHERE song_id = :song AND task_id = :task AND status = 'RUNNING'
                """).param("song", claim.songId()).param("task", claim.taskId()).update();
    }

    /**
     * Locks the song's running rows of the task for the current transaction and tells whether they still carry
     * this claim (not taken over after it went stale, not re-marked by another task).
     */
    boolean holds(Claim claim) {
        List<Claimed> rows = jdbc.sql("""
                SELECT model, attempts FROM song_analysis
                 WHERE song_id = :song AND task_id = :task AND status = 'RUNNING' FOR UPDATE
                """).param("song", claim.songId()).param("task", claim.taskId())
                .query((rs, n) -> new Claimed(rs.getString("model"), rs.getInt("attempts"))).list();
        return Set.copyOf(rows).equals(Set.copyOf(claim.rows()));
    }

    /** Songs of running tasks whose claim nobody renewed for {@code staleAfter}, by task. */
    Map<UUID, List<Long>> staleClaims(Duration staleAfter) {
        Map<UUID, List<Long>> songs = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT a.task_id, a.song_id FROM task t JOIN song_analysis a ON a.task_id = t.id
                 WHERE t.status = 'RUNNING' AND a.status = 'RUNNING'
                   AND a.updated_at < now() - make_interval(secs => :stale)
                 ORDER BY a.task_id, a.song_id
                """).param("stale", seconds(staleAfter))
                .query((rs, n) -> Map.entry(rs.getObject("task_id", UUID.class), rs.getLong("song_id"))).list()
                .forEach(e -> songs.computeIfAbsent(e.getKey(), task -> new ArrayList<>()).add(e.getValue()));
        return songs;
    }

    /** Puts stale claims (published again) back to PENDING, so they are not published again next time. */
    void requeueStale(UUID taskId, List<Long> songIds, Duration staleAfter) {
        jdbc.sql("""
                UPDATE song_analysis SET status = 'PENDING', updated_at = now()
                 WHERE task_id = :task AND song_id IN (:songs) AND status = 'RUNNING'
                   AND updated_at < now() - make_interval(secs => :stale)
                """).param("task", taskId).param("songs", songIds).param("stale", seconds(staleAfter)).update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    void completed(long songId, String model, String version) {
        jdbc.sql("""
                UPDATE song_analysis SET status = 'COMPLETED', model_version = :version, error_reason = NULL,
                       completed_at = now(), updated_at = now() WHERE song_id = :song AND model = :model
                """).param("version", version).param("song", songId).param("model", model).update();
    }

    void failed(long songId, String model, @Nullable String version, String reason) {
        jdbc.sql("""
                UPDATE song_analysis SET status = 'FAILED', model_version = :version, error_reason = :reason,
                       completed_at = now(), updated_at = now() WHERE song_id = :song AND model = :model
                """).param("version", version).param("reason", reason).param("song", songId).param("model", model)
                .update();
    }

    /** The task's state as a child batch needs it. */
    record ParentState(String status, boolean cancelRequested) {
        boolean running() {
            return "RUNNING".equals(status) && !cancelRequested;
        }
    }

    @Nullable ParentState parent(UUID taskId) {
        return jdbc.sql("SELECT status, cancel_requested FROM task WHERE id = :id").param("id", taskId)
                .query((rs, n) -> new ParentState(rs.getString("status"), rs.getBoolean("cancel_requested")))
                .optional().orElse(null);
    }

    /** Sets the task's total (songs it covers); called by the fan-out before any child can finish. */
    void setTotal(UUID taskId) {
        jdbc.sql("""
                UPDATE task SET total_count = (SELECT count(DISTINCT song_id) FROM song_analysis WHERE task_id = :id),
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id
                """).param("id", taskId).update();
    }

    /**
     * Counts finished songs into the task and ends it when the last one is in. Must run in the transaction
     * that finished them.
     */
    void countFinished(UUID taskId, int processed, int failed) {
        jdbc.sql("""
                UPDATE task SET processed_count = processed_count + :p, failed_count = failed_count + :f,
                       progress = CASE WHEN coalesce(total_count, 0) > 0
                                       THEN least(100, floor(100.0 * (processed_count + :p) / total_count))::int
                                       ELSE progress END,
                       details = coalesce(details, '{}'::jsonb) || jsonb_build_object(
                                 'processed_count', processed_count + :p, 'failed_count', failed_count + :f,
                                 'total_count', total_count),
                       status = CASE WHEN status = 'RUNNING' AND processed_count + :p >= total_count
                                     THEN 'SUCCESS' ELSE status END,
                       finished_at = CASE WHEN status = 'RUNNING' AND processed_count + :p >= total_count
                                          THEN now() ELSE finished_at END,
                       message = CASE WHEN status = 'RUNNING' AND processed_count + :p >= total_count
                                      THEN 'Analysed ' || (processed_count + :p) || ' songs ('
                                           || (failed_count + :f) || ' failed)'
                                      ELSE message END,
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id
                """).param("p", processed).param("f", failed).param("id", taskId).update();
    }

    /**
     * Recomputes the task's counters from its rows (songs deleted by a vacuum while the task ran take their
     * rows with them, so counted totals would never be reached) and ends it if nothing is left.
     */
    void reconcile(UUID taskId) {
        jdbc.sql("""
                WITH per_song AS (
                    SELECT song_id, bool_and(status IN ('COMPLETED', 'FAILED')) AS done,
                           bool_or(status = 'FAILED') AS failed
                      FROM song_analysis WHERE task_id = :id GROUP BY song_id),
                counts AS (
                    SELECT count(*) AS total, count(*) FILTER (WHERE done) AS processed,
                           count(*) FILTER (WHERE done AND failed) AS failed FROM per_song)
                UPDATE task SET total_count = counts.total, processed_count = counts.processed,
                       failed_count = counts.failed,
                       progress = CASE WHEN counts.total > 0
                                       THEN least(100, floor(100.0 * counts.processed / counts.total))::int
                                       ELSE 100 END,
                       details = coalesce(details, '{}'::jsonb) || jsonb_build_object(
                                 'processed_count', counts.processed, 'failed_count', counts.failed,
                                 'total_count', counts.total),
                       status = CASE WHEN status = 'RUNNING' AND counts.processed >= counts.total
                                     THEN 'SUCCESS' ELSE status END,
                       finished_at = CASE WHEN status = 'RUNNING' AND counts.processed >= counts.total
                                          THEN now() ELSE finished_at END,
                       message = CASE WHEN status = 'RUNNING' AND counts.processed >= counts.total
                                      THEN 'Analysed ' || counts.processed || ' songs (' || counts.failed || ' failed)'
                                      ELSE message END,
                       updated_at = now()
                  FROM counts WHERE task.id = :id
                """).param("id", taskId).update();
    }
}
