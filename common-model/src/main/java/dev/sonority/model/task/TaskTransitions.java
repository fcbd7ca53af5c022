package dev.sonority.model.task;

import dev.sonority.model.analysis.AnalysisStatus;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Every change of a task row, for both services: create, skip, claim, progress, finish, fail, cancel and
 * recover. Each is one conditional statement (auto-commit unless the caller opened a transaction), so two
 * workers, a redelivered message or a user's cancel can never both win: the {@code WHERE} clause names the
 * state a transition starts from, and the unique index {@code task_one_active_per_type} decides which of two
 * concurrent submissions runs. Statuses are bound from {@link TaskStatus}, never written as SQL literals,
 * so renaming one cannot leave a statement behind.
 */
public class TaskTransitions {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public TaskTransitions(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A statement with every {@link TaskStatus} offered as a named parameter ({@code :pending},
     * {@code :running}, ...), so statements name states without literals; those a statement does not use are
     * ignored.
     */
    private JdbcClient.StatementSpec sql(String sql) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (TaskStatus status : TaskStatus.values()) {
            statement = statement.param(status.name().toLowerCase(Locale.ROOT), status.name());
        }
        return statement;
    }

    // ---- submitting (api-service, and the worker's automatic re-vectorise) ----

    /**
     * Inserts a PENDING top-level task; false if one of its type is already PENDING or RUNNING (the unique
     * index refused it, atomically, so of two concurrent submissions exactly one gets true).
     */
    public boolean createPending(UUID id, TaskType type, @Nullable String parametersJson, @Nullable String message) {
        return sql("""
                INSERT INTO task (id, type, name, status, parameters, message, created_at, updated_at)
                VALUES (:id, :type, :name, :pending, CAST(:parameters AS jsonb), :message, now(), now())
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("type", type.name()).param("name", type.displayName())
                .param("parameters", parametersJson).param("message", message).update() == 1;
    }

    /** Records a submission refused because another task of the type is active: a finished SKIPPED task. */
    public void createSkipped(UUID id, TaskType type, @Nullable String parametersJson, String message,
            String detailsJson) {
        sql("""
                INSERT INTO task (id, type, name, status, message, details, parameters, created_at, updated_at,
                                  finished_at)
                VALUES (:id, :type, :name, :skipped, :message, CAST(:details AS jsonb), CAST(:parameters AS jsonb),
                        now(), now(), now())""")
                .param("id", id).param("type", type.name()).param("name", type.displayName())
                .param("message", message).param("details", detailsJson).param("parameters", parametersJson)
                .update();
    }

    /** A task whose message could not be published fails, but only while nobody has started it. */
    public void failUnpublished(UUID id, String message, String error) {
        sql("""
                UPDATE task SET status = :failure, message = :message, error = :error, finished_at = now(),
                                updated_at = now()
                WHERE id = :id AND status = :pending""")
                .param("id", id).param("message", message).param("error", error).update();
    }

    // ---- cancelling ----

    /** Cancels a PENDING task outright; true if it was PENDING. */
    public boolean cancelPending(UUID id) {
        return sql("""
                UPDATE task SET status = :cancelled, cancel_requested = TRUE, finished_at = now(), updated_at = now(),
                                message = 'Cancelled before it started'
                WHERE id = :id AND status = :pending""").param("id", id).update() == 1;
    }

    /** Asks the worker running a task to stop it; true if it was RUNNING. */
    public boolean requestCancel(UUID id) {
        return sql("""
                UPDATE task SET cancel_requested = TRUE, updated_at = now()
                WHERE id = :id AND status = :running""").param("id", id).update() == 1;
    }

    /** Ends a PENDING or RUNNING task a user asked to cancel, noting it in its message. */
    public boolean markCancelled(UUID id) {
        return sql("""
                UPDATE task SET status = :cancelled, message = coalesce(message, '') ||
                       CASE WHEN message IS NULL THEN 'Cancelled' ELSE ' (cancelled)' END,
                       finished_at = now(), updated_at = now()
                 WHERE id = :id AND status IN (:pending, :running) AND cancel_requested
                """).param("id", id).update() == 1;
    }

    // ---- running (batch-worker) ----

    /**
     * Takes a top-level task for a worker: a PENDING one, or a RUNNING one whose owner stopped proving it is
     * alive for {@code staleSeconds} (a dead worker), or one this owner already holds (a redelivery).
     */
    public boolean claim(UUID id, String owner, long staleSeconds) {
        return sql("""
                UPDATE task SET status = :running, owner = :owner, heartbeat_at = now(), updated_at = now(),
                       started_at = coalesce(started_at, now())
                 WHERE id = :id AND parent_id IS NULL AND NOT cancel_requested
                   AND (status = :pending OR (status = :running AND (owner = :owner OR heartbeat_at IS NULL
                        OR heartbeat_at < now() - make_interval(secs => :stale))))
                """).param("owner", owner).param("id", id).param("stale", staleSeconds).update() == 1;
    }

    /**
     * Writes a running task's progress and proves its worker alive.
     *
     * @return whether a user asked to cancel the task, or it is no longer running: either way the job stops
     */
    public boolean reportProgress(UUID id, TaskProgress progress) {
        List<Boolean> cancel = sql("""
                UPDATE task SET progress = :progress, processed_count = :processed, failed_count = :failed,
                       total_count = :total, message = :message, details = CAST(:details AS jsonb),
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id AND status = :running
                RETURNING cancel_requested
                """).param("progress", progress.percent()).param("processed", progress.processed())
                .param("failed", progress.failed()).param("total", progress.total())
                .param("message", progress.message()).param("details", progress.detailsJson())
                .param("id", id).query(Boolean.class).list();
        return cancel.isEmpty() || cancel.getFirst();
    }

    /** Proves a worker alive on the tasks it works on. */
    public void heartbeat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            sql("UPDATE task SET heartbeat_at = now() WHERE id IN (:ids) AND status = :running")
                    .param("ids", ids).update();
        }
    }

    /**
     * Ends a running task with its outcome (a SUCCESS is 100 %); a no-op returning false if it already ended,
     * e.g. was cancelled.
     */
    public boolean finish(UUID id, TaskStatus outcome, TaskProgress progress, @Nullable String error) {
        return sql("""
                UPDATE task SET status = :outcome, progress = :progress, processed_count = :processed,
                       failed_count = :failed, total_count = :total, message = :message, error = :error,
                       details = CAST(:details AS jsonb), finished_at = now(), updated_at = now()
                 WHERE id = :id AND status = :running
                """).param("outcome", outcome.name())
                .param("progress", outcome == TaskStatus.SUCCESS ? 100 : progress.percent())
                .param("processed", progress.processed()).param("failed", progress.failed())
                .param("total", progress.total()).param("message", progress.message()).param("error", error)
                .param("details", progress.detailsJson()).param("id", id).update() == 1;
    }

    /** Ends a running task as FAILURE with a reason, keeping its counters. */
    public boolean fail(UUID id, String reason) {
        return sql("""
                UPDATE task SET status = :failure, message = :reason, error = :reason, finished_at = now(),
                       updated_at = now() WHERE id = :id AND status = :running
                """).param("reason", reason).param("id", id).update() == 1;
    }

    // ---- recovering ----

    /**
     * Takes the top-level tasks nobody works on: RUNNING with a heartbeat older than {@code staleSeconds}
     * (their worker died), or PENDING for longer (their message was lost with a broker that kept nothing).
     * Each goes back to PENDING with a fresh heartbeat in the same statement: the fresh heartbeat keeps other
     * workers from re-publishing it too, and PENDING lets whichever worker gets the message {@link #claim} it
     * (left RUNNING under the dead owner with a fresh heartbeat, no other worker could take it over).
     */
    public List<UUID> takeOrphans(long staleSeconds) {
        return sql("""
                UPDATE task SET status = :pending, owner = NULL, heartbeat_at = now(), updated_at = now()
                 WHERE id IN (SELECT id FROM task
                               WHERE parent_id IS NULL AND (
                                     (status = :running AND (heartbeat_at IS NULL
                                          OR heartbeat_at < now() - make_interval(secs => :stale)))
                                  OR (status = :pending AND coalesce(heartbeat_at, created_at)
                                          < now() - make_interval(secs => :stale)))
                               FOR UPDATE SKIP LOCKED)
                RETURNING id
                """).param("stale", staleSeconds).query(UUID.class).list();
    }

    // ---- an analyze task's counters, kept from its song_analysis rows ----

    /** Sets an analyze task's total (the songs it covers); its fan-out calls it before any song can finish. */
    public void countSongs(UUID id) {
        sql("""
                UPDATE task SET total_count = (SELECT count(DISTINCT song_id) FROM song_analysis WHERE task_id = :id),
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id
                """).param("id", id).update();
    }

    /**
     * Counts finished songs into an analyze task and ends it as SUCCESS when the last one is in. Must run in
     * the transaction that finished them, so a song is counted exactly once.
     */
    public void countFinished(UUID id, int processed, int failed) {
        sql("""
                UPDATE task SET processed_count = processed_count + :p, failed_count = failed_count + :f,
                       progress = CASE WHEN coalesce(total_count, 0) > 0
                                       THEN least(100, floor(100.0 * (processed_count + :p) / total_count))::int
                                       ELSE progress END,
                       details = coalesce(details, '{}'::jsonb) || jsonb_build_object(
                                 'processed_count', processed_count + :p, 'failed_count', failed_count + :f,
                                 'total_count', total_count),
                       status = CASE WHEN status = :running AND processed_count + :p >= total_count
                                     THEN :success ELSE status END,
                       finished_at = CASE WHEN status = :running AND processed_count + :p >= total_count
                                          THEN now() ELSE finished_at END,
                       message = CASE WHEN status = :running AND processed_count + :p >= total_count
                                      THEN 'Analysed ' || (processed_count + :p) || ' songs ('
                                           || (failed_count + :f) || ' failed)'
                                      ELSE message END,
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id
                """).param("p", processed).param("f", failed).param("id", id).update();
    }

    /**
     * Recomputes an analyze task's counters from its song_analysis rows (songs a vacuum deleted while it ran
     * take their rows with them, so counted totals would never be reached) and ends it if nothing is left.
     */
    public void reconcile(UUID id) {
        transactions.executeWithoutResult(tx -> reconcileLocked(id));
    }

    /**
     * Locks the task row first, so the count below starts after any finishing transaction that holds it has
     * committed. Counted in one statement, the song rows would be read from a snapshot taken before that
     * commit, and the stale count written over the finished one: a task SUCCESS with a song uncounted.
     */
    private void reconcileLocked(UUID id) {
        jdbc.sql("SELECT id FROM task WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional();
        sql("""
                WITH per_song AS (
                    SELECT song_id, bool_and(status IN (:completed_analysis, :failed_analysis)) AS done,
                           bool_or(status = :failed_analysis) AS failed
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
                       status = CASE WHEN status = :running AND counts.processed >= counts.total
                                     THEN :success ELSE status END,
                       finished_at = CASE WHEN status = :running AND counts.processed >= counts.total
                                          THEN now() ELSE finished_at END,
                       message = CASE WHEN status = :running AND counts.processed >= counts.total
                                      THEN 'Analysed ' || counts.processed || ' songs (' || counts.failed || ' failed)'
                                      ELSE message END,
                       updated_at = now()
                  FROM counts WHERE task.id = :id
                """).param("id", id)
                .param("completed_analysis", AnalysisStatus.COMPLETED.name())
                .param("failed_analysis", AnalysisStatus.FAILED.name()).update();
    }
}
