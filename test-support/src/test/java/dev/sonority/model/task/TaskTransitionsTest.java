package dev.sonority.model.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task transitions against the real schema: the unique index they rely on allows one active top-level
 * task per type, and each transition only starts from the state it names.
 */
class TaskTransitionsTest {

    static final TestDatabase DB = TestDatabase.create();
    static JdbcClient jdbc;
    static TaskTransitions tasks;

    @BeforeAll
    static void migrate() {
        jdbc = DB.migrate().jdbcClient();
        tasks = new TaskTransitions(jdbc);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM task").update();
    }

    @Test
    void onlyOneActiveTopLevelTaskPerType() {
        UUID first = UUID.randomUUID();
        assertThat(tasks.createPending(first, TaskType.VACUUM, null, null)).isTrue();
        assertThat(tasks.createPending(UUID.randomUUID(), TaskType.VACUUM, null, null)).isFalse();
        assertThat(tasks.createPending(UUID.randomUUID(), TaskType.SCAN, null, null)).isTrue();

        assertThat(tasks.claim(first, "w1", 60)).isTrue();
        assertThat(tasks.finish(first, TaskStatus.SUCCESS, new TaskProgress(40, 2, 0, 5, "done", "{}"), null))
                .isTrue();
        assertThat(column(first, "status")).isEqualTo("SUCCESS");
        assertThat(column(first, "progress")).isEqualTo("100");

        UUID second = UUID.randomUUID();
        assertThat(tasks.createPending(second, TaskType.VACUUM, "{\"k\": 1}", null)).isTrue();
        assertThat(column(second, "parameters::text")).contains("\"k\"");
    }

    @Test
    void aSkippedTaskIsFinishedAtOnce() {
        UUID id = UUID.randomUUID();
        tasks.createSkipped(id, TaskType.SCAN, null, "Skipped", "{\"active_task_id\": \"x\"}");
        assertThat(column(id, "status")).isEqualTo("SKIPPED");
        assertThat(column(id, "finished_at")).isNotNull();
    }

    @Test
    void aLiveOwnerKeepsItsTaskAndFinishedTasksStayFinished() {
        UUID id = UUID.randomUUID();
        tasks.createPending(id, TaskType.SCAN, null, null);
        assertThat(tasks.claim(id, "w1", 60)).isTrue();
        assertThat(tasks.claim(id, "w2", 60)).isFalse();
        assertThat(tasks.claim(id, "w1", 60)).as("a redelivery to the owner").isTrue();
        assertThat(tasks.fail(id, "boom")).isTrue();
        assertThat(tasks.fail(id, "again")).isFalse();
        assertThat(tasks.cancelPending(id)).isFalse();
        assertThat(tasks.requestCancel(id)).isFalse();
        assertThat(column(id, "status")).isEqualTo("FAILURE");
        assertThat(column(id, "error")).isEqualTo("boom");
    }

    @Test
    void cancellingAPendingTaskEndsItAndARunningOneOnlyAsks() {
        UUID pending = UUID.randomUUID();
        tasks.createPending(pending, TaskType.SCAN, null, null);
        assertThat(tasks.cancelPending(pending)).isTrue();
        assertThat(column(pending, "status")).isEqualTo("CANCELLED");

        UUID running = UUID.randomUUID();
        tasks.createPending(running, TaskType.VACUUM, null, null);
        tasks.claim(running, "w1", 60);
        assertThat(tasks.requestCancel(running)).isTrue();
        assertThat(tasks.reportProgress(running, new TaskProgress(10, 1, 0, 10, "Scanning", "{}")))
                .as("the worker learns it should stop").isTrue();
        assertThat(tasks.markCancelled(running)).isTrue();
        assertThat(column(running, "status")).isEqualTo("CANCELLED");
        assertThat(column(running, "message")).isEqualTo("Scanning (cancelled)");
    }

    @Test
    void orphansAreTakenOnce() {
        UUID id = UUID.randomUUID();
        tasks.createPending(id, TaskType.SCAN, null, null);
        jdbc.sql("UPDATE task SET created_at = now() - interval '1 hour' WHERE id = :id").param("id", id).update();
        assertThat(tasks.takeOrphans(60)).containsExactly(id);
        assertThat(tasks.takeOrphans(60)).isEmpty();
    }

    private String column(UUID id, String expression) {
        return jdbc.sql("SELECT " + expression + " FROM task WHERE id = :id").param("id", id).query(String.class)
                .single();
    }
}
