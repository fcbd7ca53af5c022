package dev.sonority.api.tasks;

import dev.sonority.api.web.Paging;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads task rows for the API: one by id, the active top-level task of a type, and pages of top-level tasks
 * newest first. Only SELECTs: every change of a task row is {@link dev.sonority.model.task.TaskTransitions}'.
 */
@Repository
public class TaskQueries {

    private static final String COLUMNS = """
            SELECT id, type, name, status, progress, processed_count, failed_count, total_count, message, error,
                   details::text AS details, parameters::text AS parameters, cancel_requested, created_at,
                   started_at, updated_at, finished_at FROM task""";

    private final JdbcClient jdbc;

    public TaskQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Slice(List<StoredTask> tasks, long total) {
    }

    public Optional<StoredTask> find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(TaskQueries::row).optional();
    }

    /** The active (PENDING or RUNNING) top-level task of a type; the schema allows at most one. */
    public Optional<StoredTask> activeTopLevel(TaskType type) {
        return jdbc.sql(COLUMNS + " WHERE type = :type AND parent_id IS NULL AND status IN (:active)")
                .param("type", type.name())
                .param("active", List.of(TaskStatus.PENDING.name(), TaskStatus.RUNNING.name()))
                .query(TaskQueries::row).optional();
    }

    /** Top-level tasks newest first, only those of the given statuses and types (all when a set is empty). */
    public Slice topLevel(Set<TaskStatus> statuses, Set<TaskType> types, Paging paging) {
        String where = " WHERE parent_id IS NULL"
                + (statuses.isEmpty() ? "" : " AND status IN (:statuses)")
                + (types.isEmpty() ? "" : " AND type IN (:types)");
        List<String> statusNames = statuses.stream().map(Enum::name).toList();
        List<String> typeNames = types.stream().map(Enum::name).toList();
        List<StoredTask> page = jdbc.sql(COLUMNS + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("statuses", statusNames).param("types", typeNames)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(TaskQueries::row).list();
        long total = jdbc.sql("SELECT count(*) FROM task" + where)
                .param("statuses", statusNames).param("types", typeNames).query(Long.class).single();
        return new Slice(page, total);
    }

    private static StoredTask row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredTask(rs.getObject("id", UUID.class), TaskType.valueOf(rs.getString("type")),
                rs.getString("name"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
                rs.getInt("processed_count"), rs.getInt("failed_count"), (Integer) rs.getObject("total_count"),
                rs.getString("message"), rs.getString("error"), rs.getString("details"), rs.getString("parameters"),
                rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
