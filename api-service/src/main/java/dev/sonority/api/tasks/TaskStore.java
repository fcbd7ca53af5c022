package dev.sonority.api.tasks;

import dev.sonority.model.task.TaskType;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The task-row transitions the API makes, each one statement in its own transaction (auto-commit), so a
 * row is committed before its message is published and the unique index {@code task_one_active_per_type}
 * decides atomically which of two concurrent requests runs.
 */
@Repository
public class TaskStore {

    private static final String ACTIVE_INDEX = "task_one_active_per_type";

    private final JdbcClient jdbc;

    public TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a PENDING top-level task; false if one of this type is already PENDING or RUNNING. */
    boolean insertPending(UUID id, TaskType type, String parametersJson) {
        try {
            jdbc.sql("""
                    INSERT INTO task (id, type, name, status, parameters, created_at, updated_at)
                    VALUES (:id, :type, :name, 'PENDING', CAST(:parameters AS jsonb), now(), now())""")
                    .param("id", id).param("type", type.name()).param("name", type.displayName())
                    .param("parameters", parametersJson).update();
            return true;
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).contains(ACTIVE_INDEX)) {
                return false;
            }
            throw e;
        }
    }

    /** Inserts a finished SKIPPED task that points at the active one. */
    void insertSkipped(UUID id, TaskType type, String parametersJson, String message, String detailsJson) {
        jdbc.sql("""
                INSERT INTO task (id, type, name, status, message, details, parameters, created_at, updated_at,
                                  finished_at)
                VALUES (:id, :type, :name, 'SKIPPED', :message, CAST(:details AS jsonb), CAST(:parameters AS jsonb),
                        now(), now(), now())""")
                .param("id", id).param("type", type.name()).param("name", type.displayName())
                .param("message", message).param("details", detailsJson).param("parameters", parametersJson)
                .update();
    }

    /** Marks a task that could not be enqueued as FAILURE (only while nobody has started it). */
    void markEnqueueFailed(UUID id, String message, String error) {
        jdbc.sql("""
                UPDATE task SET status = 'FAILURE', message = :message, error = :error, finished_at = now(),
                                updated_at = now()
                WHERE id = :id AND status = 'PENDING'""")
                .param("id", id).param("message", message).param("error", error).update();
    }

    /** Cancels a PENDING task outright; true if it was PENDING. */
    boolean cancelPending(UUID id) {
        return jdbc.sql("""
                UPDATE task SET status = 'CANCELLED', cancel_requested = TRUE, finished_at = now(), updated_at = now(),
                                message = 'Cancelled before it started'
                WHERE id = :id AND status = 'PENDING'""").param("id", id).update() == 1;
    }

    /** Asks the worker to stop a RUNNING task; true if it was RUNNING. */
    boolean requestCancel(UUID id) {
        return jdbc.sql("""
                UPDATE task SET cancel_requested = TRUE, updated_at = now()
                WHERE id = :id AND status = 'RUNNING'""").param("id", id).update() == 1;
    }
}
