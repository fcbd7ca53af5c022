package dev.sonority.api.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The schedule table. {@link #claim} is the one step that makes a slot fire once across API instances: a
 * conditional UPDATE on the next_fire_at value the caller read, so of several instances that read the same due
 * row, exactly one moves it (PostgreSQL re-checks the WHERE on the row's newest version after a concurrent update).
 */
@Repository
class ScheduleStore {

    private static final String COLUMNS = """
            SELECT id, cron, time_zone, task_type, body::text AS body, enabled, next_fire_at, last_fired_at,
                   last_task_id, last_result, last_message, created_at FROM schedule""";

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewSchedule s, @Nullable String bodyJson, @Nullable Instant nextFireAt) {
        return jdbc.sql("""
                INSERT INTO schedule (cron, time_zone, task_type, body, enabled, next_fire_at)
                VALUES (:cron, :zone, :type, CAST(:body AS jsonb), :enabled, :next) RETURNING id""")
                .param("cron", s.cron()).param("zone", s.timeZone()).param("type", s.task().name())
                .param("body", bodyJson).param("enabled", s.enabled()).param("next", timestamp(nextFireAt))
                .query(Long.class).single();
    }

    Optional<Schedule> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(ScheduleStore::row).optional();
    }

    List<Schedule> list() {
        return jdbc.sql(COLUMNS + " ORDER BY id").query(ScheduleStore::row).list();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM schedule WHERE id = :id").param("id", id).update() == 1;
    }

    /** Enabled schedules whose next time has come, earliest first. */
    List<Schedule> due(int limit) {
        return jdbc.sql(COLUMNS + " WHERE enabled AND next_fire_at <= now() ORDER BY next_fire_at, id LIMIT :limit")
                .param("limit", limit).query(ScheduleStore::row).list();
    }

    /**
     * Moves a due schedule to its next time if nobody has since: true for the one caller that gets to fire it.
     *
     * @param due the next_fire_at this caller read (the value, not "now", so a row another instance already moved
     *     does not match)
     */
    boolean claim(long id, Instant due, @Nullable Instant next) {
        return jdbc.sql("""
                UPDATE schedule SET next_fire_at = :next, last_fired_at = now()
                WHERE id = :id AND enabled AND next_fire_at = :due""")
                .param("id", id).param("due", timestamp(due)).param("next", timestamp(next)).update() == 1;
    }

    void recordResult(long id, @Nullable UUID taskId, String result, @Nullable String message) {
        jdbc.sql("UPDATE schedule SET last_task_id = :task, last_result = :result, last_message = :message"
                + " WHERE id = :id").param("id", id).param("task", taskId).param("result", result)
                .param("message", message).update();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Schedule row(ResultSet rs, int rowNum) throws SQLException {
        return new Schedule(rs.getLong("id"), rs.getString("cron"), rs.getString("time_zone"),
                ScheduledTask.valueOf(rs.getString("task_type")), rs.getString("body"), rs.getBoolean("enabled"),
                instant(rs, "next_fire_at"), instant(rs, "last_fired_at"), rs.getObject("last_task_id", UUID.class),
                rs.getString("last_result"), rs.getString("last_message"), instant(rs, "created_at"));
    }
}
