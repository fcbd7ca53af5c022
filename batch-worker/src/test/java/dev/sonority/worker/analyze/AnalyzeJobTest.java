package dev.sonority.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureLibrary;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analyze job end to end inside the worker: fan-out over the real queue, decoding real files, the
 * acoustic model, bookkeeping, failures with their reasons, idempotence and cancellation.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"sonority.worker.analyze-batch-size=2", "sonority.worker.heartbeat=1s",
            "sonority.worker.stale-after=5s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzeJobTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final String TRUNCATED = "Broken/truncated.flac";
    static final String MINUET = "Real/minuet.mp3";
    static final Path MUSIC;
    static final FixtureLibrary LIBRARY;

    static {
        try {
            MUSIC = Files.createTempDirectory("sonority-analyze-").resolve("music");
            LIBRARY = FixtureLibrary.create(MUSIC);
            Path whole = AudioFileWriter.write(MUSIC.resolve("whole.flac"), TestSignals.sine(440, 8.0, 44_100, 0.5),
                    44_100, FixtureTags.of("Whole", "X", "Y"));
            BrokenFiles.truncatedCopy(whole, MUSIC.resolve(TRUNCATED), 0.5);
            Files.delete(whole);
            Files.createDirectories(MUSIC.resolve("Real"));
            Files.copy(Path.of(System.getProperty("sonority.shared.dir"), "audio", "minuet.mp3"), MUSIC.resolve(MINUET));
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
    @Order(1)
    void analysesEveryReadableSongAndRecordsPreciseFailures() throws Exception {
        scan();
        // + the real minuet; + the truncated file, whose tags are valid: only decoding finds it out
        int readable = LIBRARY.good().size() + 2;

        Map<String, Object> task = analyze("{\"models\":[\"acoustic_features\"]}");

        assertThat(task.get("status")).as(String.valueOf(task.get("error"))).isEqualTo("SUCCESS");
        assertThat(task.get("total_count")).isEqualTo(readable);
        assertThat(task.get("processed_count")).isEqualTo(readable);
        assertThat(task.get("failed_count")).isEqualTo(1);
        assertThat(task.get("progress")).isEqualTo(100);
        for (String path : LIBRARY.good().keySet()) {
            Map<String, Object> row = jdbc.sql("""
                    SELECT a.status, a.model_version, s.codec, s.sample_rate, s.channels, s.duration_seconds
                      FROM song s JOIN song_analysis a ON a.song_id = s.id AND a.model = 'acoustic_features'
                     WHERE s.path = :p""").param("p", path).query().singleRow();
            assertThat(row.get("status")).as(path).isEqualTo("COMPLETED");
            assertThat(row.get("model_version")).isEqualTo(AcousticFeaturesAnalyzer.VERSION);
            assertThat(row.get("codec")).as(path).isNotNull();
            assertThat(row.get("sample_rate")).as(path).isIn(44_100, 48_000);
            // the fixtures are mono, except Ogg Vorbis: FFmpeg's native Vorbis encoder writes stereo only
            assertThat(row.get("channels")).as(path).isEqualTo(path.endsWith(".ogg") ? 2 : 1);
            assertThat((Double) row.get("duration_seconds")).as(path).isBetween(3.9, 4.2);
            byte[] raw = jdbc.sql("SELECT e.data FROM embedding e JOIN song s ON s.id = e.song_id WHERE s.path = :p"
                    + " AND e.model = 'acoustic_features' AND e.kind = 'raw'").param("p", path).query(byte[].class).single();
            assertThat(VectorCodec.decode(raw)).hasSize(dev.sonority.audio.acoustic.AcousticVector.RAW_DIMENSIONS);
            // BS.1770: a sine of amplitude A reads -0.691 + 20 log10(A) - 3.01 + K(f) LUFS; for A = 0.4 and
            // 261-523 Hz, where the K-weighting curve is within 0.15 dB of 0, that is -11.66 +- 0.15; lossy
            // encoding of the fixtures and their short clicks move it by a few tenths at most
            Double lufs = jdbc.sql("SELECT d.loudness_lufs FROM song_descriptors d JOIN song s ON s.id = d.song_id"
                    + " WHERE s.path = :p").param("p", path).query(Double.class).single();
            assertThat(lufs).as(path).isBetween(-12.4, -11.0);
        }
        // Minuet in G (BWV Anh. 114): the score's key; FFmpeg declares 50.3 s for the file
        Map<String, Object> minuet = jdbc.sql("SELECT d.musical_key, d.scale, d.bpm, s.duration_seconds FROM song s"
                + " JOIN song_descriptors d ON d.song_id = s.id WHERE s.path = :p").param("p", MINUET).query().singleRow();
        assertThat(minuet.get("musical_key")).isEqualTo("G");
        assertThat(minuet.get("scale")).isEqualTo("major");
        assertThat(minuet.get("bpm")).isNotNull();
        assertThat((Double) minuet.get("duration_seconds")).isCloseTo(50.3, org.assertj.core.data.Offset.offset(0.2));
        Map<String, Object> truncated = jdbc.sql("SELECT a.status, a.error_reason FROM song s JOIN song_analysis a"
                + " ON a.song_id = s.id WHERE s.path = :p").param("p", TRUNCATED).query().singleRow();
        assertThat(truncated.get("status")).isEqualTo("FAILED");
        assertThat(truncated.get("error_reason").toString()).startsWith("TRUNCATED:");
        assertThat(jdbc.sql("SELECT count(*) FROM song s JOIN song_analysis a ON a.song_id = s.id"
                + " WHERE s.scan_error IS NOT NULL").query(Long.class).single())
                .as("files the scan could not read are not analysed").isZero();
    }

    @Test
    @Order(2)
    void aSecondAnalyzeFindsNothingToDoAndRepeatsNothing() throws Exception {
        List<Object> before = jdbc.sql("SELECT completed_at FROM song_analysis ORDER BY song_id").query().singleColumn();

        Map<String, Object> task = analyze(null);

        assertThat(task.get("status")).isEqualTo("SUCCESS");
        assertThat(task.get("total_count")).isEqualTo(0);
        assertThat(jdbc.sql("SELECT completed_at FROM song_analysis ORDER BY song_id").query().singleColumn())
                .isEqualTo(before);
    }

    @Test
    @Order(3)
    void aModelThisWorkerCannotComputeFailsTheTaskWithTheAvailableOnes() throws Exception {
        Map<String, Object> task = analyze("{\"models\":[\"muq\"]}");

        assertThat(task.get("status")).isEqualTo("FAILURE");
        assertThat(task.get("message").toString()).contains("muq").contains("Available: acoustic_features");
    }

    @Test
    @Order(4)
    void cancellingARunningAnalyzeStopsItsChildren() throws Exception {
        for (int i = 0; i < 40; i++) {
            AudioFileWriter.write(MUSIC.resolve("Many/song %02d.flac".formatted(i)),
                    TestSignals.chord(new double[] {200 + i, 300 + i}, 12.0, 44_100, 0.3), 44_100,
                    FixtureTags.of("Many " + i, "Many", "Many"));
        }
        scan();
        UUID id = support.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
        await().atMost(Duration.ofSeconds(120)).until(() -> processed(id) >= 2);

        jdbc.sql("UPDATE task SET cancel_requested = true WHERE id = :id").param("id", id).update();
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));
        int atCancel = (Integer) task.get("processed_count");

        assertThat(task.get("status")).isEqualTo("CANCELLED");
        assertThat(atCancel).isLessThan(40);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> completedOf(id) <= atCancel + 2); // at most the songs in flight finish
    }

    @Test
    @Order(5)
    void aTaskWhoseMessageWasLostIsRunByRecovery() throws Exception {
        // what an API that died between committing the task and publishing its message leaves behind
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO task (id, type, name, status) VALUES (:id, 'SCAN', 'Library Scan', 'PENDING')")
                .param("id", id).update();

        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));

        assertThat(task.get("status")).isEqualTo("SUCCESS");
    }

    @Test
    @Order(6)
    void aPoisonMessageEndsInTheDeadLetterTableWithItsError() throws Exception {
        rabbit.send(topology.jobsExchange(), topology.workQueue(AnalyzeBatch.WORK_QUEUE),
                MessageBuilder.withBody("{\"taskId\": \"not a uuid\"".getBytes(StandardCharsets.UTF_8))
                        .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM dead_letter")
                .query(Long.class).single() > 0);
        Map<String, Object> letter = jdbc.sql("SELECT queue, payload, error FROM dead_letter").query().singleRow();
        assertThat(letter.get("queue").toString()).isEqualTo(topology.workQueue(AnalyzeBatch.WORK_QUEUE));
        assertThat(letter.get("payload").toString()).contains("not a uuid");
        assertThat(letter.get("error")).isNotNull();
    }

    private void scan() throws Exception {
        UUID id = support.submit(TaskType.SCAN, null);
        assertThat(support.awaitFinished(id, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
    }

    private Map<String, Object> analyze(String parameters) throws Exception {
        UUID id = support.submit(TaskType.ANALYZE, parameters);
        return support.awaitFinished(id, Duration.ofSeconds(180));
    }

    private int processed(UUID id) {
        return jdbc.sql("SELECT processed_count FROM task WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private long completedOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM song_analysis WHERE task_id = :id AND status = 'COMPLETED'")
                .param("id", id).query(Long.class).single();
    }
}
