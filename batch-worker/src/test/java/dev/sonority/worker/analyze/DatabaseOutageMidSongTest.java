package dev.sonority.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL failing while a song is being analysed is the database's fault, not the file's: the song must be
 * analysed again once the database answers, never marked FAILED (found by FaultMatrixIT, launcher, where a
 * killed PostgreSQL left a good song FAILED with "internal error in acoustic_features: Failed to obtain JDBC
 * Connection"). The acoustic_features model reads its library statistics from PostgreSQL for every song; here
 * that read is held on a table lock and its connection terminated by the server, as a crash or restart of
 * PostgreSQL ends it (SQLSTATE 57P01).
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DatabaseOutageMidSongTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC;

    static {
        try {
            MUSIC = Files.createTempDirectory("sonority-outage-").resolve("music");
            AudioFileWriter.write(MUSIC.resolve("good.flac"), TestSignals.chord(new double[] {220, 277, 330}, 6.0, 44_100,
                    0.5), 44_100, FixtureTags.of("Good", "X", "Y"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void aSongWhoseDatabaseReadFailsIsAnalysedAgainNotFailed() throws Exception {
        assertThat(support.awaitFinished(support.submit(TaskType.SCAN, null), Duration.ofSeconds(60)).get("status"))
                .isEqualTo("SUCCESS");
        UUID task;
        try (Connection locker = DriverManager.getConnection(DB.jdbcUrl(), DB.username(), "");
                Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("LOCK TABLE acoustic_statistics IN ACCESS EXCLUSIVE MODE");
            task = support.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
            // the worker's per-song read of the statistics, waiting for the lock while the song is claimed
            int reader = await("the analyzer's read waits on the lock").atMost(Duration.ofSeconds(60))
                    .until(this::blockedStatisticsReaders, pids -> !pids.isEmpty()).getFirst();
            assertThat(jdbc.sql("SELECT pg_terminate_backend(:pid)").param("pid", reader).query(Boolean.class).single())
                    .isTrue();
            locker.rollback();
        }

        Map<String, Object> done = support.awaitFinished(task, Duration.ofSeconds(60));
        Map<String, Object> song = jdbc.sql("SELECT status, error_reason, attempts FROM song_analysis").query().singleRow();
        assertThat(song.get("status")).as("the song after the outage: " + song).isEqualTo("COMPLETED");
        assertThat(song.get("attempts")).as("the attempt the outage ended does not count against the file")
                .isEqualTo(1);
        assertThat(done.get("status")).isEqualTo("SUCCESS");
        assertThat(done.get("processed_count")).isEqualTo(1);
        assertThat(done.get("failed_count")).isEqualTo(0);
    }

    private List<Integer> blockedStatisticsReaders() {
        return jdbc.sql("""
                SELECT pid FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query LIKE 'SELECT mean, std, song_count FROM acoustic_statistics%'
                """).query(Integer.class).list();
    }
}
