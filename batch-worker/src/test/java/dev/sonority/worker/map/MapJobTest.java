package dev.sonority.worker.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import dev.sonority.worker.tasks.AnalyzeBatchFinished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MAP task through the real queue path over a generated library of three tight groups of 30 songs (8-d
 * acoustic_features vectors, group g near the unit vector of axis 2g): the map must hold every song, keep each group
 * together (every song nearer its own group's centre than any other's in 2-D), and be the same for the same seed.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapJobTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC = musicFolder("sonority-map-");

    static final int GROUPS = 3;
    static final int PER_GROUP = 30;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    private void library() {
        jdbc.sql("TRUNCATE song, task RESTART IDENTITY CASCADE").update();
        Random random = new Random(5);
        for (int i = 0; i < GROUPS * PER_GROUP; i++) {
            int g = i % GROUPS;
            long id = jdbc.sql("INSERT INTO song (path, genre, file_size, file_mtime) VALUES (:p, :g, 1, now())"
                    + " RETURNING id").param("p", "g" + g + "/" + i + ".flac").param("g", "genre" + g)
                    .query(Long.class).single();
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) ((d == 2 * g ? 1.0 : 0.0) + 0.03 * random.nextGaussian());
            }
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                    + " 'acoustic_features', 'search', 8, :d, 'test')").param("id", id)
                    .param("d", VectorCodec.encode(v)).update();
        }
    }

    private String layout() {
        return jdbc.sql("SELECT string_agg(song_id || ':' || x || ',' || y, ';' ORDER BY song_id) FROM song_map"
                + " WHERE model = 'acoustic_features'").query(String.class).single();
    }

    @Test
    @Order(1)
    void theMapHoldsEverySongAndKeepsEachGroupTogether() throws Exception {
        library();
        UUID id = support.submit(TaskType.MAP, "{\"model\": \"acoustic_features\", \"method\": \"umap\", \"seed\": 3}");
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(120));
        assertThat(task.get("status")).as(String.valueOf(task.get("message"))).isEqualTo("SUCCESS");
        assertThat(task.get("details").toString()).contains("\"method\": \"umap\"");

        List<Map<String, Object>> rows = jdbc.sql("SELECT s.genre, m.x, m.y, m.method FROM song_map m JOIN song s"
                + " ON s.id = m.song_id WHERE m.model = 'acoustic_features'").query().listOfRows();
        assertThat(rows).hasSize(GROUPS * PER_GROUP);
        assertThat(rows).allMatch(r -> "umap".equals(r.get("method")));
        double[][] centres = new double[GROUPS][2];
        for (Map<String, Object> r : rows) {
            int g = group(r);
            centres[g][0] += ((Number) r.get("x")).doubleValue() / PER_GROUP;
            centres[g][1] += ((Number) r.get("y")).doubleValue() / PER_GROUP;
        }
        for (Map<String, Object> r : rows) {
            double x = ((Number) r.get("x")).doubleValue();
            double y = ((Number) r.get("y")).doubleValue();
            int own = group(r);
            for (int g = 0; g < GROUPS; g++) {
                if (g != own) {
                    assertThat(Math.hypot(x - centres[own][0], y - centres[own][1]))
                            .isLessThan(Math.hypot(x - centres[g][0], y - centres[g][1]));
                }
            }
        }
    }

    @Test
    @Order(2)
    void theSameSeedGivesTheSameMapAndPcaReplacesIt() throws Exception {
        String first = layout();
        UUID again = support.submit(TaskType.MAP, "{\"model\": \"acoustic_features\", \"method\": \"umap\", \"seed\": 3}");
        assertThat(support.awaitFinished(again, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
        assertThat(layout()).isEqualTo(first);

        UUID pca = support.submit(TaskType.MAP, "{\"model\": \"acoustic_features\", \"method\": \"pca\", \"seed\": 3}");
        assertThat(support.awaitFinished(pca, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("SELECT DISTINCT method FROM song_map").query(String.class).list()).containsExactly("pca");
        assertThat(jdbc.sql("SELECT count(DISTINCT computed_at) FROM song_map").query(Long.class).single()).isOne();
    }

    @Test
    @Order(3)
    void aModelWithoutVectorsFailsSaying() throws Exception {
        UUID id = support.submit(TaskType.MAP, "{\"model\": \"clap\", \"method\": \"umap\", \"seed\": 1}");
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));
        assertThat(task.get("status")).isEqualTo("FAILURE");
        assertThat(String.valueOf(task.get("message")) + task.get("error")).contains("No song has a clap vector");
    }

    @Autowired
    ApplicationEventPublisher events;

    @Test
    @Order(4)
    void theEndOfAnAnalyzeThatMovedTheLibraryMoreThanTheFractionRecomputesTheMap() throws Exception {
        // 90 songs mapped (pca, from the test above); 8 more is 8.9 %, under the default 10 %: no MAP task
        addSongs(90, 8);
        analyzeEnded();
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE type = 'MAP' AND status IN ('PENDING', 'RUNNING')")
                .query(Long.class).single()).isZero();
        // 8 + 4 more is 13.3 %: the map is recomputed with its method, and then holds every song
        addSongs(98, 4);
        analyzeEnded();
        UUID map = jdbc.sql("SELECT id FROM task WHERE type = 'MAP' AND parameters ->> 'trigger' = 'analyze'")
                .query(UUID.class).single();
        assertThat(support.awaitFinished(map, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("SELECT count(*) FROM song_map WHERE method = 'pca'").query(Long.class).single())
                .isEqualTo(102);
    }

    private void addSongs(int from, int count) {
        Random random = new Random(from);
        for (int i = from; i < from + count; i++) {
            long id = jdbc.sql("INSERT INTO song (path, genre, file_size, file_mtime) VALUES (:p, 'genre0', 1, now())"
                    + " RETURNING id").param("p", "new/" + i + ".flac").query(Long.class).single();
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) ((d == 0 ? 1.0 : 0.0) + 0.03 * random.nextGaussian());
            }
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                    + " 'acoustic_features', 'search', 8, :d, 'test')").param("id", id)
                    .param("d", VectorCodec.encode(v)).update();
        }
    }

    /** An analyze task that has ended with SUCCESS, and the event its last batch publishes. */
    private void analyzeEnded() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO task (id, type, name, status, finished_at) VALUES (:id, 'ANALYZE', 'Analyze Songs',"
                + " 'SUCCESS', now())").param("id", id).update();
        events.publishEvent(new AnalyzeBatchFinished(id));
    }

    private static int group(Map<String, Object> row) {
        return Integer.parseInt(((String) row.get("genre")).substring("genre".length()));
    }
}
