package dev.sonority.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.launcher.infra.EmbeddedBroker;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.CompletionLog;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.JobSubmitter;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
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

/**
 * The AMQP broker goes away in the middle of an analyze task and comes back (the embedded Qpid broker of the
 * one-command mode, on its persistent store, so the test can stop a broker of its own without touching the
 * machine's RabbitMQ). The worker process keeps running; the task must still end SUCCESS with every song
 * analysed exactly once.
 */
class BrokerRestartMidAnalysisIT {

    static final TestDatabase DB = TestDatabase.create();
    static final int SONGS = 32;
    static final String PREFIX = "sonority";

    @TempDir
    static Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void nothingIsLostOrRepeatedWhenTheBrokerRestarts() throws Exception {
        Path music = temp.resolve("music");
        for (int i = 0; i < SONGS; i++) {
            AudioFileWriter.write(music.resolve("Album/track %02d.flac".formatted(i)),
                    TestSignals.chord(new double[] {220 + i, 277 + i, 330 + i}, 15.0, 44_100, 0.3), 44_100,
                    FixtureTags.of("Track " + i, "Artist", "Album"));
        }
        int amqpPort = FreePorts.pick();
        int workerPort = FreePorts.pick();
        EmbeddedBroker broker = EmbeddedBroker.start(temp.resolve("broker"), amqpPort, PREFIX);
        Map<String, String> env = new HashMap<>(DB.environment());
        env.put("RABBITMQ_URL", broker.endpoint().amqpUrl());
        env.put("SONORITY_QUEUE_PREFIX", PREFIX);
        env.put("MUSIC_DIR", music.toString());
        env.put("WORKER_PORT", Integer.toString(workerPort));
        env.put("TASK_HEARTBEAT", "1s");
        env.put("TASK_STALE_AFTER", "4s");
        env.put("ANALYZE_BATCH_SIZE", "2");
        Path jar = Path.of(System.getProperty("sonority.project.dir"), "batch-worker", "target",
                "batch-worker-0.1.0-SNAPSHOT.jar");
        JdbcClient jdbc = DB.jdbcClient();
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(broker.endpoint().amqpUrl()));
        try (ServiceProcess worker = ServiceProcess.start(jar, env, temp.resolve("worker.log"))) {
            worker.awaitHealthy("http://127.0.0.1:" + workerPort + "/actuator/health/liveness", Duration.ofSeconds(120));
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            rabbit.setMessageConverter(new JacksonJsonMessageConverter());
            JobSubmitter submitter = new JobSubmitter(jdbc, rabbit, new JobTopology(PREFIX));
            UUID scan = submitter.submit(TaskType.SCAN, null);
            assertThat(submitter.awaitFinished(scan, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
            CompletionLog completions = CompletionLog.install(jdbc);

            UUID analyze = submitter.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
            awaitProcessed(jdbc, analyze, 4);
            broker.close();
            int atStop = processed(jdbc, analyze);
            Thread.sleep(3_000); // the outage under test: the broker stays down this long while the worker runs
            broker = EmbeddedBroker.start(temp.resolve("broker"), amqpPort, PREFIX);

            Map<String, Object> task = submitter.awaitFinished(analyze, Duration.ofSeconds(300));
            assertThat(atStop).as("the broker stopped mid-task").isLessThan(SONGS);
            assertThat(task.get("status")).as(worker.tail()).isEqualTo("SUCCESS");
            assertThat(task.get("processed_count")).isEqualTo(SONGS);
            assertThat(completions.completions()).as("each song completed exactly once").isEqualTo(SONGS);
            assertThat(completions.distinctSongs()).isEqualTo(SONGS);
        } finally {
            connections.destroy();
            broker.close();
        }
    }

    private static void awaitProcessed(JdbcClient jdbc, UUID task, int count) throws InterruptedException {
        await("analysis started").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed(jdbc, task) >= count);
    }

    private static int processed(JdbcClient jdbc, UUID task) {
        return jdbc.sql("SELECT processed_count FROM task WHERE id = :id").param("id", task).query(Integer.class)
                .single();
    }
}
