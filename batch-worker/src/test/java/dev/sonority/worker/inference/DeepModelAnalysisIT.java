package dev.sonority.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The worker analysing a library with the real inference service (its packaged jar as a child process) and
 * the real MusiCNN weights from {@code ../shared/models/musicnn}: what it stores for every model, that it
 * stores exactly what the service computes for the song's audio, and that an inference service that dies
 * mid-task and comes back costs no song its analysis. Every text-vector request is made with no transaction
 * open (a spy on the worker's real inference client records it), and the task still ends only after the last
 * song's text vector is written.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"sonority.worker.analyze-batch-size=1", "sonority.worker.heartbeat=1s",
            "sonority.worker.stale-after=5s", "sonority.worker.inference.catalog-ttl=1s",
            "sonority.worker.inference.request-timeout=60s", "sonority.worker.inference.connect-timeout=1s",
            "spring.rabbitmq.listener.simple.retry.initial-interval=200ms",
            "spring.rabbitmq.listener.simple.retry.max-interval=1s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeepModelAnalysisIT extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final int INFERENCE_PORT = FreePorts.pick();
    static final Path TEMP;
    static final Path MUSIC;
    static final Path MODELS;
    static final Path JAR = Path.of(System.getProperty("sonority.project.dir"), "inference-service", "target",
            "inference-service-0.1.0-SNAPSHOT.jar");
    static ServiceProcess inference;
    /** For each text-vector request the worker made: whether a transaction was open on the calling thread. */
    static final List<Boolean> TEXT_REQUEST_IN_TRANSACTION = new CopyOnWriteArrayList<>();

    @MockitoSpyBean
    TransientInference workerInference;

    static {
        try {
            TEMP = Files.createTempDirectory("sonority-deep-");
            MUSIC = Files.createDirectories(TEMP.resolve("music"));
            for (int i = 0; i < 3; i++) {
                AudioFileWriter.write(MUSIC.resolve("First/track %d.flac".formatted(i)),
                        TestSignals.chord(new double[] {220 * (1 + i / 4.0), 277, 330}, 8.0, 44_100, 0.3), 44_100,
                        FixtureTags.of("Track " + i, "Chords", "First"));
            }
            Files.createDirectories(MUSIC.resolve("Real"));
            Files.copy(Path.of(System.getProperty("sonority.shared.dir"), "audio", "minuet.mp3"),
                    MUSIC.resolve("Real/minuet.mp3"));
            // the real weights stay in ../shared: the models folder links to them, nothing is copied
            MODELS = Files.createDirectories(TEMP.resolve("models"));
            Files.createSymbolicLink(MODELS.resolve("musicnn"),
                    Path.of(System.getProperty("sonority.shared.dir"), "models", "musicnn").toAbsolutePath());
            inference = startInference("first");
        } catch (IOException | InterruptedException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
        registry.add("sonority.worker.inference.url", () -> "http://127.0.0.1:" + INFERENCE_PORT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (inference != null) {
            inference.close();
        }
        DB.close();
    }

    @BeforeEach
    void recordWhetherTextRequestsRunInATransaction() {
        doAnswer(request -> {
            TEXT_REQUEST_IN_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
            return request.callRealMethod();
        }).when(workerInference).embedText(anyString(), anyList());
    }

    @Test
    @Order(1)
    void analyzeWithoutModelsUsesEveryInstalledModelAndStoresAllOfMusicnn() throws Exception {
        scan();
        Map<String, Object> task = analyze("{}");
        assertThat(task.get("status")).as(task + "\n" + inference.tail()).isEqualTo("SUCCESS");
        assertThat(task.get("failed_count")).as(failures()).isEqualTo(0);
        assertThat(task.get("total_count")).isEqualTo(4);
        assertThat(TEXT_REQUEST_IN_TRANSACTION).as("a text-vector request per song, none inside a transaction")
                .hasSizeGreaterThanOrEqualTo(4).containsOnly(false);
        assertThat(statuses("acoustic_features")).containsOnly("COMPLETED").hasSize(4);
        assertThat(statuses("musicnn")).containsOnly("COMPLETED").hasSize(4);

        for (String path : List.of("First/track 0.flac", "Real/minuet.mp3")) {
            float[] search = vector(path, "musicnn", "search");
            float[] raw = vector(path, "musicnn", "raw");
            assertThat(search).hasSize(200);
            assertThat(raw).hasSize(200);
            assertThat(Vectors.norm(search)).isCloseTo(1.0, Offset.offset(1e-5));
            assertThat(Vectors.cosine(search, raw)).isCloseTo(1.0, Offset.offset(1e-5));
            float[] tags = vector(path, "musicnn", "tags");
            float[] moods = vector(path, "musicnn", "moods");
            assertThat(tags).hasSize(MusicnnLabels.TAGS.size());
            assertThat(moods).hasSize(MusicnnLabels.MOODS.size());
            // AudioMuse-AI's second sigmoid over scores in [0, 1] keeps every tag in [0.5, 0.7311]
            for (float tag : tags) {
                assertThat(tag).isBetween(0.5f, 0.7312f);
            }
            for (float mood : moods) {
                assertThat(mood).isBetween(0f, 1f);
            }
        }
        assertThat(jdbc.sql("SELECT DISTINCT model_version FROM song_analysis WHERE model = 'musicnn'")
                .query(String.class).list()).hasSize(1).doesNotContainNull();
    }

    @Test
    @Order(2)
    void everySongGetsATextVectorOfItsMetadataThatTextSearchFinds() {
        List<String> paths = jdbc.sql("SELECT path FROM song ORDER BY path").query(String.class).list();
        for (String path : paths) {
            float[] text = vector(path, "text_minilm", "search");
            assertThat(text).as(path).hasSize(384);
            assertThat(Vectors.norm(text)).isCloseTo(1.0, Offset.offset(1e-5));
        }
        // the song whose title, artist and album a listener types is the nearest of the library
        TransientInference client = client();
        for (String title : List.of("Track 0", "Track 2")) {
            float[] query = client.embedText("text_minilm", List.of(title + " by Chords from the album First"))
                    .getFirst();
            String nearest = paths.stream().max(java.util.Comparator.comparingDouble(
                    path -> Vectors.dot(query, vector(path, "text_minilm", "search")))).orElseThrow();
            assertThat(nearest).isEqualTo("First/" + title.toLowerCase(java.util.Locale.ROOT) + ".flac");
        }
    }

    @Test
    @Order(3)
    void analyzingAgainGivesSongsWithoutACurrentTextVectorOneAndLeavesTheOthersAlone() throws Exception {
        // as left by a worker that predates text vectors, or whose text request failed: two songs have none
        float[] before = vector("First/track 0.flac", "text_minilm", "search");
        jdbc.sql("DELETE FROM embedding e USING song s WHERE s.id = e.song_id AND e.model = 'text_minilm'"
                + " AND s.path IN ('First/track 0.flac', 'Real/minuet.mp3')").update();
        // a rescan changed a title after the song's vector was made
        float[] oldTitle = vector("First/track 1.flac", "text_minilm", "search");
        jdbc.sql("UPDATE song SET title = 'Harbour Lights', updated_at = now() WHERE path = 'First/track 1.flac'")
                .update();
        java.sql.Timestamp untouched = jdbc.sql("SELECT e.updated_at FROM embedding e JOIN song s ON s.id = e.song_id"
                + " WHERE s.path = 'First/track 2.flac' AND e.model = 'text_minilm'")
                .query(java.sql.Timestamp.class).single();

        Map<String, Object> task = analyze("{}");
        assertThat(task.get("status")).as(task + "\n" + inference.tail()).isEqualTo("SUCCESS");
        assertThat(task.get("total_count")).as("every model is current: no song is analysed again").isEqualTo(0);
        assertThat(String.valueOf(task.get("details"))).contains("\"caught_up_count\": 3");

        // the same sentence through the same model: what the first analysis stored
        float[] after = vector("First/track 0.flac", "text_minilm", "search");
        assertThat(Vectors.cosine(before, after)).isCloseTo(1.0, Offset.offset(1e-5));
        assertThat(vector("Real/minuet.mp3", "text_minilm", "search")).hasSize(384);
        // the renamed song's vector is made again, and finds it by its new title
        assertThat(Vectors.cosine(oldTitle, vector("First/track 1.flac", "text_minilm", "search"))).isLessThan(0.999);
        List<String> paths = jdbc.sql("SELECT path FROM song ORDER BY path").query(String.class).list();
        float[] query = client().embedText("text_minilm", List.of("Harbour Lights by Chords from the album First"))
                .getFirst();
        assertThat(paths.stream().max(java.util.Comparator.comparingDouble(
                path -> Vectors.dot(query, vector(path, "text_minilm", "search"))))).hasValue("First/track 1.flac");
        assertThat(jdbc.sql("SELECT e.updated_at FROM embedding e JOIN song s ON s.id = e.song_id"
                + " WHERE s.path = 'First/track 2.flac' AND e.model = 'text_minilm'")
                .query(java.sql.Timestamp.class).single()).as("a current vector is not made again").isEqualTo(untouched);
    }

    @Test
    @Order(4)
    void storesWhatTheServiceComputesForTheSongsAudio() throws Exception {
        // the same PCM the worker sends (decoded at the model's rate), posted straight to the service
        DecodedAudio audio = AudioDecoder.ffmpeg().decode(MUSIC.resolve("Real/minuet.mp3"),
                new DecodeOptions(16_000, Duration.ofMinutes(10), Duration.ofSeconds(60)));
        AudioEmbedding direct = client().embedAudio(audio.samples(), 16_000, List.of("musicnn")).get("musicnn");
        float[] stored = vector("Real/minuet.mp3", "musicnn", "raw");
        assertThat(direct.embedding()).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(stored[i]).as("dimension %d", i).isCloseTo(direct.embedding()[i], Offset.offset(1e-4f));
        }
        float[] storedTags = vector("Real/minuet.mp3", "musicnn", "tags");
        for (int i = 0; i < storedTags.length; i++) {
            assertThat(storedTags[i]).isCloseTo(direct.tags()[i], Offset.offset(1e-4f));
        }
    }

    @Test
    @Order(5)
    void anInferenceServiceThatDiesMidTaskCostsNoSongItsAnalysis() throws Exception {
        for (int i = 0; i < 6; i++) {
            AudioFileWriter.write(MUSIC.resolve("Second/long %d.flac".formatted(i)),
                    TestSignals.chord(new double[] {196 + 10 * i, 247, 294}, 40.0, 44_100, 0.3), 44_100,
                    FixtureTags.of("Long " + i, "Chords", "Second"));
        }
        scan();
        UUID task = support.submit(TaskType.ANALYZE, "{\"models\":[\"musicnn\"]}");
        await().atMost(Duration.ofSeconds(120)).until(() -> completed(task) >= 1);
        inference.kill();
        // the worker keeps trying meanwhile: those songs go back to the queue, none fails (checked for 4 s)
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM song_analysis WHERE task_id = :t AND status = 'FAILED'").param("t", task)
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM song_analysis WHERE task_id = :t AND status = 'FAILED'")
                .param("t", task).query(Long.class).single()).as("nothing failed while the service was down")
                .isZero();
        inference = startInference("second");

        Map<String, Object> done = support.awaitFinished(task, Duration.ofSeconds(240));
        assertThat(done.get("status")).as(done + "\n" + inference.tail()).isEqualTo("SUCCESS");
        assertThat(done.get("failed_count")).as(failures()).isEqualTo(0);
        assertThat(done.get("processed_count")).isEqualTo(6);
        assertThat(jdbc.sql("SELECT max(attempts) FROM song_analysis WHERE task_id = :t").param("t", task)
                .query(Integer.class).single()).as("outages do not count as attempts at the file").isLessThanOrEqualTo(2);
    }

    @Test
    @Order(6)
    void askingForAModelTheServiceDoesNotHaveFailsTheTaskNamingWhatIsInstalled() throws Exception {
        Map<String, Object> task = analyze("{\"models\":[\"clap\"]}");
        assertThat(task.get("status")).isEqualTo("FAILURE");
        assertThat(String.valueOf(task.get("error"))).contains("clap").contains("musicnn").contains("acoustic_features");
    }

    private static ServiceProcess startInference(String name) throws IOException, InterruptedException {
        ServiceProcess process = ServiceProcess.start(JAR, List.of("-Xmx512m"), Map.of(
                "INFERENCE_PORT", Integer.toString(INFERENCE_PORT), "MODELS_DIR", MODELS.toString(),
                "LOG_FORMAT", "text"), TEMP.resolve("inference-" + name + ".log"));
        process.awaitHealthy("http://127.0.0.1:" + INFERENCE_PORT + "/actuator/health/readiness", Duration.ofSeconds(120));
        return process;
    }

    private static TransientInference client() {
        return new TransientInference(new InferenceProperties(
                java.net.URI.create("http://127.0.0.1:" + INFERENCE_PORT),
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(15), 0, null));
    }

    private void scan() throws InterruptedException {
        Map<String, Object> scan = support.awaitFinished(support.submit(TaskType.SCAN, null), Duration.ofSeconds(120));
        assertThat(scan.get("status")).isEqualTo("SUCCESS");
    }

    private Map<String, Object> analyze(String parameters) throws InterruptedException {
        return support.awaitFinished(support.submit(TaskType.ANALYZE, parameters), Duration.ofSeconds(300));
    }

    private List<String> statuses(String model) {
        return jdbc.sql("SELECT status FROM song_analysis WHERE model = :m").param("m", model).query(String.class).list();
    }

    private String failures() {
        return jdbc.sql("SELECT string_agg(model || ': ' || coalesce(error_reason, '?'), '; ') FROM song_analysis"
                + " WHERE status = 'FAILED'").query(String.class).optional().orElse("");
    }

    private long completed(UUID task) {
        return jdbc.sql("SELECT count(*) FROM song_analysis WHERE task_id = :t AND status = 'COMPLETED'")
                .param("t", task).query(Long.class).single();
    }

    private float[] vector(String path, String model, String kind) {
        return VectorCodec.decode(jdbc.sql("SELECT e.data FROM embedding e JOIN song s ON s.id = e.song_id"
                + " WHERE s.path = :p AND e.model = :m AND e.kind = :k").param("p", path).param("m", model)
                .param("k", kind).query(byte[].class).single());
    }
}
