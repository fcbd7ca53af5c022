package dev.sonority.api.monitoring;

import dev.sonority.model.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task and dead-letter state alerts are about, read in one statement.
 *
 * @param runningTasks top-level tasks RUNNING
 * @param pendingTasks top-level tasks PENDING
 * @param oldestHeartbeatAgeSeconds how long ago the least recently heard-from RUNNING task's worker proved alive
 *     (0 when none runs): a task whose worker died without another taking it over grows here
 * @param deadLetters messages parked in {@code dead_letter}
 */
record OperationsSnapshot(long runningTasks, long pendingTasks, double oldestHeartbeatAgeSeconds, long deadLetters) {

    static OperationsSnapshot read(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = :running) AS running,
                       count(*) FILTER (WHERE status = :pending) AS pending,
                       coalesce(extract(epoch FROM now() - min(heartbeat_at) FILTER (WHERE status = :running)), 0)
                           AS oldest_heartbeat_age,
                       (SELECT count(*) FROM dead_letter) AS dead_letters
                  FROM task WHERE parent_id IS NULL""")
                .param("running", TaskStatus.RUNNING.name()).param("pending", TaskStatus.PENDING.name())
                .query((rs, n) -> new OperationsSnapshot(rs.getLong("running"), rs.getLong("pending"),
                        rs.getDouble("oldest_heartbeat_age"), rs.getLong("dead_letters")))
                .single();
    }
}
