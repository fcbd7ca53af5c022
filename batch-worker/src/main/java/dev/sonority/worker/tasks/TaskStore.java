package dev.sonority.worker.tasks;

import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
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
 * The worker's side of its task rows: reads them, and makes their transitions through
 * {@link TaskTransitions} as this worker ({@link WorkerIdentity}), with the stale interval after which a
 * silent owner counts as dead ({@code WorkerProperties#staleAfter}).
 */
@Component
public class TaskStore {

    private final JdbcClient jdbc;
    private final TaskTransitions transitions;
    private final WorkerIdentity identity;
    private final long staleSeconds;

    TaskStore(JdbcClient jdbc, TaskTransitions transitions, WorkerIdentity identity, WorkerProperties properties) {
        this.jdbc = jdbc;
        this.transitions = transitions;
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
     * Takes a top-level task for this worker (see {@link TaskTransitions#claim}); when it cannot, says why,
     * ending a task a user asked to cancel before it started.
     */
    public Claim claim(UUID taskId) {
        if (transitions.claim(taskId, identity.name(), staleSeconds)) {
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
        return transitions.reportProgress(taskId, snapshot.toProgress());
    }

    /** Ends a running task with its outcome; a no-op if the task already ended (e.g. was cancelled). */
    public boolean finish(UUID taskId, TaskStatus status, ProgressSnapshot snapshot, @Nullable String error) {
        return transitions.finish(taskId, status, snapshot.toProgress(), error);
    }

    /** Ends a running task as FAILURE with a reason, keeping its counters. */
    public boolean fail(UUID taskId, String reason) {
        return transitions.fail(taskId, reason);
    }

    /** Ends a task a user asked to cancel. */
    public boolean markCancelled(UUID taskId) {
        return transitions.markCancelled(taskId);
    }

    /** Proves this worker alive on the tasks it is working on. */
    public void heartbeat(Collection<UUID> taskIds) {
        transitions.heartbeat(taskIds);
    }

    /** Top-level tasks nobody works on (see {@link TaskTransitions#takeOrphans}), taken for this worker. */
    public List<TaskRow> takeOrphans() {
        return transitions.takeOrphans(staleSeconds).stream().map(this::find).flatMap(Optional::stream).toList();
    }
}
