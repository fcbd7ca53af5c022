package dev.sonority.worker.acoustic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.fixture.AlbumSynth;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.contract.vector.VectorCodec;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Library-wide standardisation through the real worker: the first analyze task ends by starting a re-vectorise
 * task that computes the statistics and writes every search vector; a library grown by more than the fraction
 * (0.2) is re-vectorised again after its next analyze task, a small growth is not (the new song is standardised
 * with the stored statistics at analysis time), a user's re-vectorise task brings the statistics up to date, and
 * a library shrunk by a vacuum is re-standardised after an analyze task that found nothing to do.
 * Search vectors are checked against statistics this test computes itself from the stored raw vectors.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"sonority.worker.acoustic.restandardise-fraction=0.2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevectoriseTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC;

    static {
        try {
            MUSIC = Files.createTempDirectory("sonority-revectorise-").resolve("music");
            Files.createDirectories(MUSIC);
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
    void theFirstAnalyzeEndsWithStatisticsAndSearchVectors() throws Exception {
        addSongs(0, 6);
        analyze();
        awaitRevectorised(1);
        assertThat(statisticsCount()).isEqualTo(6);
        assertSearchVectorsMatchIndependentStatistics();
    }

    @Test
    @Order(2)
    void growthBeyondTheFractionRevectorisesAgain() throws Exception {
        addSongs(6, 2); // 8 / 6: +33 % > 20 %
        analyze();
        awaitRevectorised(2);
        assertThat(statisticsCount()).isEqualTo(8);
        assertSearchVectorsMatchIndependentStatistics();
    }

    @Test
    @Order(3)
    void smallGrowthUsesTheStoredStatistics() throws Exception {
        addSongs(8, 1); // 9 / 8: +12.5 %
        analyze();
        // a trigger would have inserted its task within this time: the count stays 2 throughout
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).until(() -> revectoriseTasks() == 2);
        assertThat(revectoriseTasks()).isEqualTo(2);
        assertThat(statisticsCount()).isEqualTo(8);
        assertThat(searchVectors()).hasSize(9);
    }

    @Test
    @Order(4)
    void aUserRevectoriseTaskUpdatesTheStatistics() throws Exception {
        UUID id = support.submit(TaskType.REVECTORISE, null);
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));
        assertThat(task.get("status")).as(String.valueOf(task.get("error"))).isEqualTo("SUCCESS");
        assertThat(statisticsCount()).isEqualTo(9);
        assertSearchVectorsMatchIndependentStatistics();
    }

    @Test
    @Order(5)
    void anAnalyzeWithNothingToDoStillRestandardisesAShrunkLibrary() throws Exception {
        // a vacuum removed 3 of the 9 songs (33 % > 20 %); the next analyze has nothing to analyse
        jdbc.sql("DELETE FROM song WHERE id IN (SELECT id FROM song ORDER BY id DESC LIMIT 3)").update();
        UUID id = support.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
        assertThat(support.awaitFinished(id, Duration.ofSeconds(60)).get("total_count")).isEqualTo(0);
        awaitRevectorised(4);
        assertThat(statisticsCount()).isEqualTo(6);
        assertSearchVectorsMatchIndependentStatistics();
    }

    /** Songs of two generated albums, 6 s each (the test asserts arithmetic, not retrieval quality). */
    private static void addSongs(int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            float[] pcm = AlbumSynth.track(AlbumSynth.album(i % 2), i, 6, 44_100);
            AudioFileWriter.write(MUSIC.resolve("Album %d/track %02d.flac".formatted(i % 2, i)), pcm, 44_100,
                    FixtureTags.of("Track " + i, "Artist", "Album " + (i % 2)));
        }
    }

    private void assertSearchVectorsMatchIndependentStatistics() {
        Map<Long, float[]> raw = vectors("raw");
        int dims = AcousticVector.RAW_DIMENSIONS;
        double[] mean = new double[dims];
        double[] std = new double[dims];
        for (float[] v : raw.values()) {
            for (int d = 0; d < dims; d++) {
                mean[d] += v[d] / (double) raw.size();
            }
        }
        for (float[] v : raw.values()) {
            for (int d = 0; d < dims; d++) {
                std[d] += (v[d] - mean[d]) * (v[d] - mean[d]) / raw.size();
            }
        }
        for (int d = 0; d < dims; d++) {
            std[d] = Math.sqrt(std[d]);
        }
        AcousticStatistics expected = AcousticStatistics.of(mean, std, raw.size());
        Map<Long, float[]> search = searchVectors();
        assertThat(search.keySet()).isEqualTo(raw.keySet());
        for (Map.Entry<Long, float[]> e : search.entrySet()) {
            float[] got = e.getValue();
            float[] want = AcousticModel.SEARCH.search(raw.get(e.getKey()), expected);
            assertThat(got).hasSize(AcousticModel.SEARCH.dimensions());
            double norm = 0;
            for (int i = 0; i < got.length; i++) {
                norm += got[i] * got[i];
                assertThat(got[i]).as("song %d dim %d", e.getKey(), i).isCloseTo(want[i], within(2e-3f));
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        }
    }

    private Map<Long, float[]> searchVectors() {
        return vectors("search");
    }

    private Map<Long, float[]> vectors(String kind) {
        Map<Long, float[]> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = 'acoustic_features' AND kind = :k")
                .param("k", kind).query(rs -> {
                    out.put(rs.getLong("song_id"), VectorCodec.decode(rs.getBytes("data")));
                });
        return out;
    }

    private long statisticsCount() {
        return jdbc.sql("SELECT song_count FROM acoustic_statistics WHERE model = 'acoustic_features'")
                .query(Long.class).single();
    }

    private long revectoriseTasks() {
        return jdbc.sql("SELECT count(*) FROM task WHERE type = 'REVECTORISE'").query(Long.class).single();
    }

    private void awaitRevectorised(int tasks) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM task WHERE type = 'REVECTORISE' AND status = 'SUCCESS'").query(Long.class).single() >= tasks);
        assertThat(revectoriseTasks()).isEqualTo(tasks);
    }

    private void analyze() throws Exception {
        UUID scan = support.submit(TaskType.SCAN, null);
        assertThat(support.awaitFinished(scan, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
        UUID id = support.submit(TaskType.ANALYZE, "{\"models\":[\"acoustic_features\"]}");
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(180));
        assertThat(task.get("status")).as(String.valueOf(task.get("error"))).isEqualTo("SUCCESS");
        List<Object> failed = jdbc.sql("SELECT error_reason FROM song_analysis WHERE status = 'FAILED'").query().singleColumn();
        assertThat(failed).isEmpty();
    }
}
