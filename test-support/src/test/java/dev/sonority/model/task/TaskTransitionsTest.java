package dev.sonority.model.task;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import dev.sonority.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task transitions against the real schema: the unique index they rely on allows one active top-level
 * task per type, and each transition only starts from the state it names.
 */
class TaskTransitionsTest {

    static final TestDatabase DB = TestDatabase.create();
    static JdbcClient jdbc;
    static TaskTransitions tasks;
    static TransactionTemplate transactions;

    @BeforeAll
    static void migrate() {
        DB.migrate();
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), DB.jdbcUrl(),
                DB.username(), "");
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tasks = new TaskTransitions(jdbc, transactions);
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

    /** A dead worker's RUNNING task, once taken as an orphan, must be claimable by another worker. */
    @Test
    void aDeadWorkersTaskIsTakenOverByAnotherWorker() {
        UUID id = UUID.randomUUID();
        tasks.createPending(id, TaskType.SCAN, null, null);
        assertThat(tasks.claim(id, "dead-worker", 60)).isTrue();
        jdbc.sql("UPDATE task SET heartbeat_at = now() - interval '1 hour' WHERE id = :id").param("id", id).update();

        assertThat(tasks.takeOrphans(60)).containsExactly(id);
        assertThat(tasks.takeOrphans(60)).as("re-published by one worker only").isEmpty();
        assertThat(tasks.claim(id, "live-worker", 60)).as("the message's receiver takes it over").isTrue();
        assertThat(column(id, "owner")).isEqualTo("live-worker");
        assertThat(column(id, "status")).isEqualTo("RUNNING");
    }

    /**
     * The race that once ended an analyze task as SUCCESS with 31 of 32 songs counted: a reconcile (after a
     * batch skipped a song) read the song rows before the last song's finishing transaction committed, waited
     * for that transaction's lock on the task row, and then wrote its stale count over the finished one.
     */
    @Test
    void aReconcileRacingTheLastSongsCommitNeverLosesItsCount() throws Exception {
        UUID id = UUID.randomUUID();
        tasks.createPending(id, TaskType.ANALYZE, null, null);
        tasks.claim(id, "w1", 60);
        long first = song("first.flac");
        long last = song("last.flac");
        analysis(first, id, "COMPLETED");
        analysis(last, id, "RUNNING");
        tasks.countSongs(id);
        tasks.countFinished(id, 1, 0);

        // own threads: the common pool may have a single thread on a small machine, and one of them blocks
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> lastSong = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE song_analysis SET status = 'COMPLETED' WHERE song_id = :song").param("song", last)
                    .update();
            tasks.countFinished(id, 1, 0); // the last song: ends the task, holds its row until the commit
            counted.countDown();
            awaitQuietly(commit);
        }), twoThreads);
        assertThat(counted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> reconcile = CompletableFuture.runAsync(() -> tasks.reconcile(id), twoThreads);
        await().atMost(Duration.ofSeconds(30)).until(() -> reconcile.isDone() || jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Long.class).single() > 0);
        assertThat(reconcile).as("the reconcile waits for the finishing transaction").isNotDone();
        commit.countDown();
        lastSong.get(30, TimeUnit.SECONDS);
        reconcile.get(30, TimeUnit.SECONDS);
        twoThreads.shutdown();

        assertThat(column(id, "status")).isEqualTo("SUCCESS");
        assertThat(column(id, "processed_count")).as("both songs counted").isEqualTo("2");
        assertThat(column(id, "total_count")).isEqualTo("2");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long song(String path) {
        return jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:path, 1, now()) RETURNING id")
                .param("path", path).query(Long.class).single();
    }

    private void analysis(long songId, UUID taskId, String status) {
        jdbc.sql("""
                INSERT INTO song_analysis (song_id, model, status, task_id)
                VALUES (:song, 'musicnn', :status, :task)""")
                .param("song", songId).param("status", status).param("task", taskId).update();
    }

    private String column(UUID id, String expression) {
        return jdbc.sql("SELECT " + expression + " FROM task WHERE id = :id").param("id", id).query(String.class)
                .single();
    }
}
