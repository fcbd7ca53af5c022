package dev.sonority.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A song is held by its claim, not by an open transaction: a message for a song whose claim a live worker renews
 * leaves it alone, and once nobody renews the claim (the worker died) the song is analysed by another worker
 * although no message for it is left in the queue.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"sonority.worker.heartbeat=1s", "sonority.worker.stale-after=3s"})
class SongClaimTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC;

    static {
        try {
            MUSIC = Files.createTempDirectory("sonority-claims-").resolve("music");
            AudioFileWriter.write(MUSIC.resolve("held.flac"), TestSignals.sine(440, 4.0, 44_100, 0.5), 44_100,
                    FixtureTags.of("Held", "X", "Y"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    JobPublisher publisher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void aLiveClaimIsLeftAloneAndADeadOneIsTakenOver() throws Exception {
        assertThat(support.awaitFinished(support.submit(TaskType.SCAN, null), Duration.ofSeconds(60)).get("status"))
                .isEqualTo("SUCCESS");
        long song = jdbc.sql("SELECT id FROM song").query(Long.class).single();
        // an analyze task whose one song another worker claimed: its first attempt
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO task (id, type, name, status, parameters, total_count, heartbeat_at)
                VALUES (:id, 'ANALYZE', 'Analyze Songs', 'RUNNING', '{"models":["acoustic_features"]}'::jsonb, 1, now())
                """).param("id", task).update();
        jdbc.sql("""
                INSERT INTO song_analysis (song_id, model, status, task_id, attempts, started_at, updated_at)
                VALUES (:song, 'acoustic_features', 'RUNNING', :task, 1, now(), now())
                """).param("song", song).param("task", task).update();

        // a duplicate of its message while the other worker renews the claim (and the task's heartbeat)
        publisher.publishBatches(List.of(new AnalyzeBatch(task, List.of(song))));
        // for twice TASK_STALE_AFTER the song stays held (checked every 200 ms, as the other worker renews it)
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    jdbc.sql("UPDATE song_analysis SET updated_at = now() WHERE song_id = :s").param("s", song).update();
                    keepTaskAlive(task);
                    Map<String, Object> held = row(song);
                    return "RUNNING".equals(held.get("status")) && Integer.valueOf(1).equals(held.get("attempts"));
                });
        assertThat(row(song)).as("the held song is not analysed by a second worker")
                .containsEntry("status", "RUNNING").containsEntry("attempts", 1);

        // the other worker dies: its claim goes stale, and no message for the song is left
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            keepTaskAlive(task); // so the task is not recovered as a whole: the song alone must be
            return "COMPLETED".equals(row(song).get("status"));
        });
        assertThat(row(song)).containsEntry("attempts", 2);
        Map<String, Object> done = support.awaitFinished(task, Duration.ofSeconds(30));
        assertThat(done.get("status")).isEqualTo("SUCCESS");
        assertThat(done.get("processed_count")).isEqualTo(1);
        assertThat(done.get("failed_count")).isEqualTo(0);
    }

    private void keepTaskAlive(UUID task) {
        jdbc.sql("UPDATE task SET heartbeat_at = now() WHERE id = :id AND status = 'RUNNING'").param("id", task).update();
    }

    private Map<String, Object> row(long song) {
        return jdbc.sql("SELECT status, attempts FROM song_analysis WHERE song_id = :s").param("s", song)
                .query().singleRow();
    }
}
