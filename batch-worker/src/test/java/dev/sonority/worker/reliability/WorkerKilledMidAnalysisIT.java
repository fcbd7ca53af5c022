package dev.sonority.worker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.testing.CompletionLog;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.JobSubmitter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The worker process is killed with SIGKILL in the middle of an analyze task; a new worker process is
 * started. Every song must end analysed or FAILED, the task must end SUCCESS with exact counts, and no song
 * may be analysed twice for the same model version (a trigger logs every transition to COMPLETED).
 */
class WorkerKilledMidAnalysisIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final int SONGS = 48;

    @TempDir
    static Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void nothingIsLostOrRepeatedWhenTheWorkerDies() throws Exception {
        Path music = Files.createDirectories(temp.resolve("music"));
        for (int i = 0; i < SONGS; i++) {
            AudioFileWriter.write(music.resolve("Album/track %02d.flac".formatted(i)),
                    TestSignals.chord(new double[] {220 + i, 277 + i, 330 + i}, 20.0, 44_100, 0.3), 44_100,
                    FixtureTags.of("Track " + i, "Artist", "Album"));
        }
        Path jar = Path.of(System.getProperty("sonority.project.dir"), "batch-worker", "target",
                "batch-worker-0.1.0-SNAPSHOT.jar");
        Map<String, String> env = new HashMap<>(DB.environment());
        env.putAll(MQ.environment());
        env.put("MUSIC_DIR", music.toString());
        env.put("TASK_HEARTBEAT", "1s");
        env.put("TASK_STALE_AFTER", "4s");
        env.put("WORKER_CONCURRENCY", "2");
        env.put("ANALYZE_BATCH_SIZE", "2");

        DriverManagerDataSource dataSource = new DriverManagerDataSource(DB.jdbcUrl(), DB.username(), "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(MQ.url()));
        try {
            JobTopology topology = new JobTopology(MQ.prefix());
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            rabbit.setMessageConverter(new JacksonJsonMessageConverter());
            JobSubmitter support = new JobSubmitter(jdbc, rabbit, topology);

            UUID analyze;
            CompletionLog completions;
            try (ServiceProcess first = start(jar, env, "first")) {
                UUID scan = support.submit(TaskType.SCAN, null);
                assertThat(support.awaitFinished(scan, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
                completions = CompletionLog.install(jdbc);

                analyze = support.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
                await().atMost(Duration.ofSeconds(180)).until(() -> processed(jdbc, analyze) >= 6);
                first.kill();
            }
            int processedAtKill = processed(jdbc, analyze);
            assertThat(processedAtKill).as("killed mid-task").isLessThan(SONGS);
            assertThat(support.status(analyze)).isEqualTo("RUNNING");

            try (ServiceProcess second = start(jar, env, "second")) {
                Map<String, Object> task = support.awaitFinished(analyze, Duration.ofSeconds(300));
                assertThat(task.get("status")).as(second.tail()).isEqualTo("SUCCESS");
                assertThat(task.get("processed_count")).isEqualTo(SONGS);
                assertThat(task.get("total_count")).isEqualTo(SONGS);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM song_analysis WHERE model = 'acoustic_features'"
                    + " AND status IN ('COMPLETED', 'FAILED')").query(Long.class).single()).isEqualTo(SONGS);
            assertThat(completions.completions()).as("each song completed exactly once").isEqualTo(SONGS);
            assertThat(completions.distinctSongs()).isEqualTo(SONGS);
        } finally {
            connections.destroy();
        }
    }

    private static ServiceProcess start(Path jar, Map<String, String> env, String name) throws Exception {
        Map<String, String> own = new HashMap<>(env);
        int port = FreePorts.pick();
        own.put("WORKER_PORT", Integer.toString(port));
        ServiceProcess process = ServiceProcess.start(jar, own, temp.resolve("worker-" + name + ".log"));
        process.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(120));
        return process;
    }

    private static int processed(JdbcClient jdbc, UUID task) {
        return jdbc.sql("SELECT processed_count FROM task WHERE id = :id").param("id", task).query(Integer.class)
                .single();
    }
}
