package dev.sonority.worker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionOperations;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The CLUSTER task through the real queue path over a generated library with known groups: four tight groups of
 * 40 songs (8-d acoustic_features search vectors, one genre, tempo/key/energy profile and dominant MusiCNN tag and
 * mood per group), so the right answer is four playlists of 40. The adjusted Rand index is Smile's (an implementation independent of the
 * engine's own KMeans), printed for the report.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC = musicFolder("sonority-cluster-");

    static final int GROUPS = 4;
    static final int PER_GROUP = 40;
    static final String[] GENRES = {"Jazz", "Rock", "Ambient", "Techno"};
    static final double[][] PROFILES = {{70, 1, 0.1}, {100, 0, 0.5}, {140, 1, 0.9}, {125, 0, 0.2}};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    private final Map<Long, Integer> truth = new HashMap<>();
    private final Map<Long, float[]> vectors = new HashMap<>();

    private void library() {
        jdbc.sql("TRUNCATE song, task, playlist RESTART IDENTITY CASCADE").update();
        Random random = new Random(11);
        for (int g = 0; g < GROUPS; g++) {
            for (int i = 0; i < PER_GROUP; i++) {
                long id = jdbc.sql("INSERT INTO song (path, genre, file_size, file_mtime) VALUES (:p, :g, 1, now())"
                        + " RETURNING id").param("p", "g" + g + "/" + i + ".flac").param("g", GENRES[g])
                        .query(Long.class).single();
                float[] v = new float[8];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) ((d == 2 * g ? 1.0 : 0.0) + 0.03 * random.nextGaussian());
                }
                jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                        + " 'acoustic_features', 'search', 8, :d, 'test')").param("id", id)
                        .param("d", VectorCodec.encode(v)).update();
                jdbc.sql("INSERT INTO song_descriptors (song_id, bpm, scale, energy, model_version) VALUES (:id, :bpm,"
                        + " :scale, :energy, 'test')").param("id", id).param("bpm", PROFILES[g][0])
                        .param("scale", PROFILES[g][1] == 1 ? "major" : "minor").param("energy", PROFILES[g][2])
                        .update();
                // MusiCNN tags and moods: one dominant tag and mood per group, so a merge of two groups is impure
                float[] tags = new float[MusicnnLabels.TAGS.size()];
                java.util.Arrays.fill(tags, 0.05f);
                tags[g] = 0.9f;
                float[] moods = new float[MusicnnLabels.MOODS.size()];
                java.util.Arrays.fill(moods, 0.1f);
                moods[g] = 0.8f;
                for (Object[] kind : new Object[][] {{"tags", tags}, {"moods", moods}}) {
                    float[] scores = (float[]) kind[1];
                    jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                            + " 'musicnn', :k, :dim, :d, 'test')").param("id", id).param("k", kind[0])
                            .param("dim", scores.length).param("d", VectorCodec.encode(scores)).update();
                }
                truth.put(id, g);
                vectors.put(id, v);
            }
        }
        jdbc.sql("INSERT INTO playlist (name, source) VALUES ('Hand-made', 'manual')").update();
        jdbc.sql("INSERT INTO playlist_song (playlist_id, position, song_id) VALUES (1, 0, 1)").update();
    }

    /**
     * k up to the true number of groups: above it the mood fitness (the reference's) scores a split group the same
     * as a whole one, so the search has no reason to prefer four playlists over split, partly dropped ones.
     */
    private static final String PARAMETERS = """
            {"model": "acoustic_features", "method": "kmeans", "clusters": {"min": 2, "max": 4},
             "pca_components": {"min": 0, "max": 0}, "runs": 60, "sample_size": 160, "seed": 7}""";

    @Test
    @Order(1)
    void theSearchFindsTheGroupsAndSavesPlaylistsThatKeepEveryRule() throws Exception {
        library();
        UUID id = support.submit(TaskType.CLUSTER, PARAMETERS);
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(120));
        assertThat(task.get("status")).as(String.valueOf(task.get("message"))).isEqualTo("SUCCESS");
        String details = task.get("details").toString();
        System.out.println("ClusterJobTest details: " + details);
        assertThat(details).contains("\"labels\": \"tags\"").contains("\"ranges\":")
                .contains("\"best_fitness\":");

        List<Long> playlists = jdbc.sql("SELECT id FROM playlist WHERE source = 'cluster' ORDER BY id")
                .query(Long.class).list();
        assertThat(playlists).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        List<Integer> found = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        HashSet<String> names = new HashSet<>();
        for (int p = 0; p < playlists.size(); p++) {
            long playlist = playlists.get(p);
            names.add(jdbc.sql("SELECT name FROM playlist WHERE id = :id").param("id", playlist).query(String.class)
                    .single());
            List<Map<String, Object>> rows = jdbc.sql("SELECT position, song_id FROM playlist_song"
                    + " WHERE playlist_id = :id ORDER BY position").param("id", playlist).query().listOfRows();
            assertThat(rows).hasSizeBetween(20, 200);
            double[] mean = new double[8];
            for (int i = 0; i < rows.size(); i++) {
                assertThat(((Number) rows.get(i).get("position")).intValue()).isEqualTo(i); // dense positions
                float[] v = vectors.get(((Number) rows.get(i).get("song_id")).longValue());
                for (int d = 0; d < 8; d++) {
                    mean[d] += v[d] / rows.size();
                }
            }
            for (Map<String, Object> row : rows) {
                long song = ((Number) row.get("song_id")).longValue();
                double squared = 0;
                for (int d = 0; d < 8; d++) {
                    squared += (vectors.get(song)[d] - mean[d]) * (vectors.get(song)[d] - mean[d]);
                }
                assertThat(Math.sqrt(squared)).isLessThanOrEqualTo(0.5);
                found.add(p);
                expected.add(truth.get(song));
            }
        }
        assertThat(names).hasSize(playlists.size());
        double ari = AdjustedRandIndex.of(expected.stream().mapToInt(Integer::intValue).toArray(),
                found.stream().mapToInt(Integer::intValue).toArray());
        System.out.println("ClusterJobTest: " + playlists.size() + " playlists, " + found.size()
                + " songs, adjusted Rand index against the true groups = " + ari);
        assertThat(ari).isGreaterThanOrEqualTo(0.9);
        assertThat(playlists).hasSize(GROUPS);

        Map<String, Object> run = jdbc.sql("SELECT id, status, jsonb_array_length(fitness_curve) AS batches,"
                + " best_fitness FROM clustering_run WHERE task_id = :t").param("t", id).query().singleRow();
        assertThat(run.get("status")).isEqualTo("SUCCESS");
        assertThat(((Number) run.get("batches")).intValue()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM playlist WHERE source = 'cluster'"
                + " AND (request ->> 'run_id')::bigint = :r").param("r", run.get("id")).query(Long.class).single())
                .isEqualTo(playlists.size());
        assertThat(manualPlaylistIntact()).isTrue();
    }

    @Test
    @Order(2)
    void theSameSeedGivesTheSameSearchAndPlaylists() throws Exception {
        String curve = "SELECT fitness_curve::text FROM clustering_run WHERE task_id = :t";
        String members = "SELECT string_agg(ps.song_id::text, ',' ORDER BY p.name, ps.position) FROM playlist p"
                + " JOIN playlist_song ps ON ps.playlist_id = p.id WHERE p.source = 'cluster'";
        UUID first = jdbc.sql("SELECT task_id FROM clustering_run ORDER BY id LIMIT 1").query(UUID.class).single();
        String firstCurve = jdbc.sql(curve).param("t", first).query(String.class).single();
        String firstMembers = jdbc.sql(members).query(String.class).single();

        UUID again = support.submit(TaskType.CLUSTER, PARAMETERS);
        assertThat(support.awaitFinished(again, Duration.ofSeconds(120)).get("status")).isEqualTo("SUCCESS");
        assertThat(jdbc.sql(curve).param("t", again).query(String.class).single()).isEqualTo(firstCurve);
        // the first run's playlists were replaced by the same songs in the same order
        assertThat(jdbc.sql(members).query(String.class).single()).isEqualTo(firstMembers);
        assertThat(jdbc.sql("SELECT count(DISTINCT request ->> 'run_id') FROM playlist WHERE source = 'cluster'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(manualPlaylistIntact()).isTrue();
    }

    @Test
    @Order(3)
    void aRunThatCannotSucceedFailsWithTheReasonAndKeepsThePreviousPlaylists() throws Exception {
        List<Long> before = clusterPlaylists();
        UUID id = support.submit(TaskType.CLUSTER, PARAMETERS.replace("\"seed\": 7", "\"seed\": 7, \"min_songs\": 100"));
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));
        assertThat(task.get("status")).isEqualTo("FAILURE");
        assertThat(String.valueOf(task.get("message"))).contains("2 × min_songs = 200").contains("no playlists were saved");
        assertThat(jdbc.sql("SELECT status FROM clustering_run WHERE task_id = :t").param("t", id).query(String.class)
                .single()).isEqualTo("FAILURE");
        assertThat(clusterPlaylists()).isEqualTo(before);
        assertThat(manualPlaylistIntact()).isTrue();
    }

    @Test
    @Order(4)
    void aCancelStopsTheSearchAndKeepsThePreviousPlaylists() throws Exception {
        List<Long> before = clusterPlaylists();
        // a long search: random songs without structure, GMM, many runs
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            long song = jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now()) RETURNING id")
                    .param("p", "noise/" + i + ".flac").query(Long.class).single();
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                    + " 'acoustic_features', 'search', 8, :d, 'test')").param("id", song)
                    .param("d", VectorCodec.encode(v)).update();
        }
        UUID id = support.submit(TaskType.CLUSTER, """
                {"model": "acoustic_features", "method": "gmm", "clusters": {"min": 20, "max": 60},
                 "runs": 5000, "sample_size": 2160, "seed": 3}""");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "SELECT status = 'RUNNING' AND details IS NOT NULL FROM task WHERE id = :id").param("id", id)
                .query(Boolean.class).single());
        assertThat(new TaskTransitions(jdbc, TransactionOperations.withoutTransaction()).requestCancel(id)).isTrue();
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));
        assertThat(task.get("status")).isEqualTo("CANCELLED");
        assertThat(((Number) task.get("processed_count")).intValue()).isLessThan(5000);
        assertThat(jdbc.sql("SELECT status FROM clustering_run WHERE task_id = :t").param("t", id).query(String.class)
                .single()).isEqualTo("CANCELLED");
        assertThat(clusterPlaylists()).isEqualTo(before);
        assertThat(manualPlaylistIntact()).isTrue();
    }

    private List<Long> clusterPlaylists() {
        return jdbc.sql("SELECT id FROM playlist WHERE source = 'cluster' ORDER BY id").query(Long.class).list();
    }

    private boolean manualPlaylistIntact() {
        return jdbc.sql("SELECT count(*) FROM playlist p JOIN playlist_song ps ON ps.playlist_id = p.id"
                + " WHERE p.source = 'manual' AND p.name = 'Hand-made'").query(Long.class).single() == 1;
    }
}
