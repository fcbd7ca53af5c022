package dev.sonority.worker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.Method;
import dev.sonority.clustering.RunParameters;
import dev.sonority.clustering.search.BatchRunner;
import dev.sonority.clustering.search.LocalSearch;
import dev.sonority.clustering.search.RunOutcome;
import dev.sonority.clustering.search.SearchSettings;
import dev.sonority.clustering.search.SearchSpace;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLUSTER search spread over workers: this test's worker context and a second one started here consume the
 * task's batch messages from the real queue; the search they run together must be the search clustering-core's
 * {@link LocalSearch} runs in one process for the same seed (the same best-fitness curve, batch for batch). A
 * batch delivered three times writes one row, whose outcomes are those of an in-process {@link BatchRunner}; a
 * redelivered parent goes on with its run's stored rows.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ClusterBatchTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC = musicFolder("sonority-cluster-batch-");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Autowired
    LibraryLoader loader;

    @Autowired
    AmqpAdmin admin;

    /** 1,200 songs in 12 groups of 16-d vectors, six genres, tempo/key/energy descriptors (their labels). */
    private void library() {
        jdbc.sql("TRUNCATE song, task, playlist RESTART IDENTITY CASCADE").update();
        Random random = new Random(21);
        for (int i = 0; i < 1200; i++) {
            int group = i % 12;
            long id = jdbc.sql("INSERT INTO song (path, genre, file_size, file_mtime) VALUES (:p, :g, 1, now())"
                    + " RETURNING id").param("p", "s/" + i + ".flac").param("g", "Genre " + group % 6)
                    .query(Long.class).single();
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) ((d == group ? 1.0 : 0.0) + 0.08 * random.nextGaussian());
            }
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                    + " 'acoustic_features', 'search', 16, :d, 'test')").param("id", id)
                    .param("d", VectorCodec.encode(v)).update();
            jdbc.sql("INSERT INTO song_descriptors (song_id, bpm, scale, energy, model_version) VALUES (:id, :bpm,"
                    + " :scale, :energy, 'test')").param("id", id).param("bpm", 60 + 10 * group)
                    .param("scale", group % 2 == 0 ? "major" : "minor").param("energy", (group % 3) / 3.0 + 0.1)
                    .update();
        }
    }

    private static final String PARAMETERS = """
            {"model": "acoustic_features", "method": "kmeans", "clusters": {"min": 2, "max": 30},
             "pca_components": {"min": 0, "max": 8}, "runs": 240, "sample_size": 1000, "seed": 9}""";

    @Test
    void twoWorkersRunTheSearchThatOneProcessRunsForTheSameSeed() throws Exception {
        library();
        // a second worker in this JVM: command-line arguments, so they win over application.yaml as the test's win
        List<String> second = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--sonority.worker.music-dir=" + MUSIC));
        DB.register((name, value) -> second.add("--" + name + "=" + value.get()));
        MQ.register((name, value) -> second.add("--" + name + "=" + value.get()));
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(SonorityWorkerApplication.class)
                .web(WebApplicationType.NONE).run(second.toArray(String[]::new))) {
            UUID id = support.submit(TaskType.CLUSTER, PARAMETERS);
            Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(240));
            assertThat(task.get("status")).as(String.valueOf(task.get("message"))).isEqualTo("SUCCESS");
        }
        List<Double> curve = JSON.readValue(jdbc.sql("SELECT fitness_curve::text FROM clustering_run")
                .query(String.class).single(), new TypeReference<List<Double>>() {
                });
        List<Map<String, Object>> workers = jdbc.sql("SELECT worker, count(*) AS batches FROM clustering_batch"
                + " GROUP BY worker").query().listOfRows();
        System.out.println("ClusterBatchTest: batches per worker " + workers + ", curve " + curve);
        assertThat(workers).as("both workers ran batches").hasSize(2);

        // the reference: the same settings as the task's (the request's defaults, the space adapted to the
        // library) run batch after batch in this process
        ClusterRequest request = ClusterRequest.parse(PARAMETERS);
        Library library = loader.load("acoustic_features");
        SearchSpace space = request.space().adaptedTo(1000, 16, request.rules().minSongs());
        SearchSettings settings = SearchSettings.of(space, request.runs(), 1000, request.weights(), request.seed());
        List<Double> local = LocalSearch.run(library, settings, () -> false).state().curve();
        assertThat(curve).isEqualTo(local);
    }

    @Test
    void aBatchDeliveredThreeTimesWritesOneRowWithTheOutcomesOfItsRuns() {
        library();
        UUID taskId = UUID.randomUUID();
        // a task some other worker is running (owner and a fresh heartbeat: not one to recover)
        jdbc.sql("INSERT INTO task (id, type, name, status, owner, heartbeat_at, started_at) VALUES (:id, 'CLUSTER',"
                + " 'cluster', 'RUNNING', 'elsewhere', now(), now())").param("id", taskId).update();
        long runId = jdbc.sql("INSERT INTO clustering_run (task_id, parameters, status) VALUES (:id, '{}', 'RUNNING')"
                + " RETURNING id").param("id", taskId).query(Long.class).single();
        List<RunParameters> runs = List.of(new RunParameters(Method.KMEANS, 5, 0, 0, 0, 1),
                new RunParameters(Method.KMEANS, 12, 0, 0, 4, 2), new RunParameters(Method.GMM, 8, 0, 0, 0, 3));
        ClusterBatch batch = new ClusterBatch(taskId, runId, 0, "acoustic_features", 500,
                dev.sonority.clustering.fitness.FitnessWeights.DEFAULTS, runs);
        String queue = topology.workQueue(ClusterBatch.WORK_QUEUE);
        for (int i = 0; i < 3; i++) {
            rabbit.convertAndSend(topology.jobsExchange(), queue, batch);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.getQueueInfo(queue).getMessageCount() == 0
                && admin.getQueueInfo(queue).getConsumerCount() > 0 && rows(runId) > 0);
        // the last delivery is taken (message count 0) and handled before the consumer acknowledges it
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(rows(runId)).isEqualTo(1);

        List<RunOutcome> stored = JSON.readValue(jdbc.sql("SELECT outcomes::text FROM clustering_batch"
                + " WHERE run_id = :r").param("r", runId).query(String.class).single(),
                new TypeReference<List<RunOutcome>>() {
                });
        List<RunOutcome> expected = new BatchRunner(loader.load("acoustic_features"), 500,
                dev.sonority.clustering.fitness.FitnessWeights.DEFAULTS).run(runs, () -> false);
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void aRedeliveredParentRestartsFromTheSeedAndReusesTheBatchRowsOfItsRun() throws Exception {
        library();
        UUID id = support.submit(TaskType.CLUSTER, PARAMETERS);
        assertThat(support.awaitFinished(id, Duration.ofSeconds(240)).get("status")).isEqualTo("SUCCESS");
        long runId = jdbc.sql("SELECT id FROM clustering_run WHERE task_id = :t").param("t", id).query(Long.class)
                .single();
        long before = rows(runId);
        // batch 0's stored row says fitness 99: a parent that reuses its run's rows starts its curve there; one that
        // started a new run, or a search other than the seed's, would not
        jdbc.sql("UPDATE clustering_batch SET outcomes = jsonb_set(outcomes, '{0,fitness}', '99')"
                + " WHERE run_id = :r AND batch_index = 0").param("r", runId).update();
        // the task's message delivered again, as after a worker died (the task taken back to PENDING)
        jdbc.sql("UPDATE task SET status = 'PENDING', owner = NULL, heartbeat_at = NULL, finished_at = NULL"
                + " WHERE id = :t").param("t", id).update();
        rabbit.convertAndSend(topology.jobsExchange(), TaskType.CLUSTER.routingKey(),
                new dev.sonority.model.job.JobRequest(id, TaskType.CLUSTER));
        support.awaitFinished(id, Duration.ofSeconds(240));

        List<Double> curve = JSON.readValue(jdbc.sql("SELECT fitness_curve::text FROM clustering_run WHERE id = :r")
                .param("r", runId).query(String.class).single(), new TypeReference<List<Double>>() {
                });
        // 99 is never beaten: the first window's three other batches bring no improvement, the search stops there
        assertThat(curve).containsExactly(99.0, 99.0, 99.0, 99.0);
        assertThat(rows(runId)).as("no new batch row").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM clustering_run").query(Long.class).single()).isEqualTo(1);
    }

    private long rows(long runId) {
        return jdbc.sql("SELECT count(*) FROM clustering_batch WHERE run_id = :r").param("r", runId)
                .query(Long.class).single();
    }
}
