package dev.sonority.worker.tasks;

import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.config.WorkerIdentity;
import dev.sonority.worker.config.WorkerProperties;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every state change the worker makes to a task row, each one conditional SQL so that two workers (or a
 * redelivered message) can never both run a task or overwrite each other's outcome.
 */
@Component
public class TaskStore {

    private final JdbcClient jdbc;
    private final WorkerIdentity identity;
    private final long staleSeconds;

    TaskStore(JdbcClient jdbc, WorkerIdentity identity, WorkerProperties properties) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.staleSeconds = properties.staleAfter().toSeconds();
    }

    /** What a worker found when it tried to take a task. */
    public enum Claim { CLAIMED, CANCELLED, FINISHED, RUNNING_ELSEWHERE, MISSING }

    /** A task's parameters and counters as the worker needs them. */
    public record TaskRow(UUID id, TaskType type, TaskStatus status, @Nullable String parameters,
            boolean cancelRequested, int processedCount, int failedCount, @Nullable Integer totalCount) {
    }

    /**
     * Takes a top-level task for this worker: a PENDING one, or a RUNNING one whose owner stopped proving it
     * is alive (a dead worker), or one this worker already owns (a redelivery).
     */
    public Claim claim(UUID taskId) {
        int updated = jdbc.sql("""
                UPDATE task SET status = 'RUNNING', owner = :owner, heartbeat_at = now(), updated_at = now(),
                       started_at = coalesce(started_at, now())
                 WHERE id = :id AND parent_id IS NULL AND NOT cancel_requested
                   AND (status = 'PENDING' OR (status = 'RUNNING' AND (owner = :owner OR heartbeat_at IS NULL
                        OR heartbeat_at < now() - make_interval(secs => :stale))))
                """).param("owner", identity.name()).param("id", taskId).param("stale", staleSeconds).update();
        if (updated == 1) {
            return Claim.CLAIMED;
        }
        Optional<TaskRow> row = find(taskId);
        if (row.isEmpty()) {
            return Claim.MISSING;
        }
        if (!row.get().status().isActive()) {
            return Claim.FINISHED;
        }
        if (row.get().cancelRequested()) {
            markCancelled(taskId);
            return Claim.CANCELLED;
        }
        return Claim.RUNNING_ELSEWHERE;
    }

    public Optional<TaskRow> find(UUID taskId) {
        return jdbc.sql("""
                SELECT id, type, status, parameters::text AS parameters, cancel_requested, processed_count,
                       failed_count, total_count FROM task WHERE id = :id
                """).param("id", taskId).query((rs, n) -> new TaskRow(rs.getObject("id", UUID.class),
                        TaskType.valueOf(rs.getString("type")), TaskStatus.valueOf(rs.getString("status")),
                        rs.getString("parameters"), rs.getBoolean("cancel_requested"), rs.getInt("processed_count"),
                        rs.getInt("failed_count"), (Integer) rs.getObject("total_count"))).optional();
    }

    /**
     * Writes the progress of a running task and proves this worker alive.
     *
     * @return whether a user asked to cancel the task (or it is no longer running), so the job stops
     */
    public boolean reportProgress(UUID taskId, ProgressSnapshot snapshot) {
        List<Boolean> cancel = jdbc.sql("""
                UPDATE task SET progress = :progress, processed_count = :processed, failed_count = :failed,
                       total_count = :total, message = :message, details = CAST(:details AS jsonb),
                       heartbeat_at = now(), updated_at = now()
                 WHERE id = :id AND status = 'RUNNING'
                RETURNING cancel_requested
                """).param("progress", snapshot.percent()).param("processed", snapshot.processed())
                .param("failed", snapshot.failed()).param("total", snapshot.total())
                .param("message", snapshot.message()).param("details", snapshot.detailsJson())
                .param("id", taskId).query(Boolean.class).list();
        return cancel.isEmpty() || cancel.getFirst();
    }

    /** Ends a running task with its outcome; a no-op if the task already ended (e.g. was cancelled). */
    public boolean finish(UUID taskId, TaskStatus status, ProgressSnapshot snapshot, @Nullable String error) {
        return jdbc.sql("""
                UPDATE task SET status = :status, progress = :progress, processed_count = :processed,
                       failed_count = :failed, total_count = :total, message = :message, error = :error,
                       details = CAST(:details AS jsonb), finished_at = now(), updated_at = now()
                 WHERE id = :id AND status = 'RUNNING'
                """).param("status", status.name())
                .param("progress", status == TaskStatus.SUCCESS ? 100 : snapshot.percent())
                .param("processed", snapshot.processed()).param("failed", snapshot.failed())
                .param("total", snapshot.total()).param("message", snapshot.message()).param("error", error)
                .param("details", snapshot.detailsJson()).param("id", taskId).update() == 1;
    }

    /** Ends a running task as FAILURE with a reason, keeping its counters. */
    public boolean fail(UUID taskId, String reason) {
        return jdbc.sql("""
                UPDATE task SET status = 'FAILURE', message = :reason, error = :reason, finished_at = now(),
                       updated_at = now() WHERE id = :id AND status = 'RUNNING'
                """).param("reason", reason).param("id", taskId).update() == 1;
    }

    /** Ends a task a user asked to cancel. */
    public boolean markCancelled(UUID taskId) {
        return jdbc.sql("""
                UPDATE task SET status = 'CANCELLED', message = coalesce(message, '') ||
                       CASE WHEN message IS NULL THEN 'Cancelled' ELSE ' (cancelled)' END,
                       finished_at = now(), updated_at = now()
                 WHERE id = :id AND status IN ('PENDING', 'RUNNING') AND cancel_requested
                """).param("id", taskId).update() == 1;
    }

    /** Proves this worker alive on the tasks it is working on. */
    public void heartbeat(Collection<UUID> taskIds) {
        if (!taskIds.isEmpty()) {
            jdbc.sql("UPDATE task SET heartbeat_at = now() WHERE id IN (:ids) AND status = 'RUNNING'")
                    .param("ids", taskIds).update();
        }
    }

    /**
     * Top-level tasks nobody works on: RUNNING with a stale heartbeat (their worker died), or PENDING for
     * longer than the stale interval (their message was lost with a broker that kept nothing). Each one is
     * stamped with a fresh heartbeat in the same statement, so only one worker re-publishes it.
     */
    public List<TaskRow> takeOrphans() {
        List<UUID> ids = jdbc.sql("""
                UPDATE task SET heartbeat_at = now()
                 WHERE id IN (SELECT id FROM task
                               WHERE parent_id IS NULL AND (
                                     (status = 'RUNNING' AND (heartbeat_at IS NULL
                                          OR heartbeat_at < now() - make_interval(secs => :stale)))
                                  OR (status = 'PENDING' AND coalesce(heartbeat_at, created_at)
                                          < now() - make_interval(secs => :stale)))
                               FOR UPDATE SKIP LOCKED)
                RETURNING id
                """).param("stale", staleSeconds).query(UUID.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }
}
