package dev.sonority.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One task's row as the fault matrix follows it. Every read opens a new connection and a read while
 * PostgreSQL is down answers empty, so the same watch works before, during and after an outage.
 */
final class TaskWatch {

    /** The columns the matrix reads. */
    record State(String status, int processed, int failed, int total) {

        boolean active() {
            return "PENDING".equals(status) || "RUNNING".equals(status);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final JdbcClient jdbc;
    private final UUID id;

    TaskWatch(JdbcClient jdbc, UUID id) {
        this.jdbc = jdbc;
        this.id = id;
    }

    UUID id() {
        return id;
    }

    Optional<State> read() {
        try {
            return Optional.of(jdbc.sql("""
                    SELECT status, processed_count, failed_count, coalesce(total_count, 0) AS total FROM task
                     WHERE id = :id""").param("id", id).query((rs, n) -> new State(rs.getString("status"),
                            rs.getInt("processed_count"), rs.getInt("failed_count"), rs.getInt("total"))).single());
        } catch (DataAccessException e) {
            return Optional.empty(); // PostgreSQL down or restarting
        }
    }

    /** Waits until {@code count} songs are processed (or the task ended) and answers the state then. */
    State awaitProcessed(int count, Duration within) {
        return await("task " + id + " processed " + count).atMost(within).pollInterval(POLL)
                .until(this::read, state -> state.isPresent() && (state.get().processed() >= count
                        || !state.get().active())).orElseThrow();
    }

    /** Waits until more than {@code baseline} songs are processed, or the task ended; answers when. */
    Instant awaitProgressBeyond(int baseline, Duration within) {
        await("task " + id + " past " + baseline + " songs").atMost(within).pollInterval(POLL)
                .until(this::read, state -> state.isPresent() && (state.get().processed() > baseline
                        || !state.get().active()));
        return Instant.now();
    }

    /** Waits until the task is neither PENDING nor RUNNING; answers when. */
    Instant awaitEnd(Duration within) {
        await("task " + id + " ended").atMost(within).pollInterval(POLL)
                .until(this::read, state -> state.isPresent() && !state.get().active());
        return Instant.now();
    }
}
