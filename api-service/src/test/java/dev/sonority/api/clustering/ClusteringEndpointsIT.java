package dev.sonority.api.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.task.TaskType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/clustering/run's checks and task, and the runs' read endpoints, against a real DB and broker. */
class ClusteringEndpointsIT extends ApiIntegrationTest {

    private static final String JSON_TYPE = "application/json";

    @BeforeEach
    void emptyTablesAndQueue() {
        reset();
        ((RabbitAdmin) amqpAdmin).initialize();
        amqpAdmin.purgeQueue(queues.topology().jobQueue(TaskType.CLUSTER), false);
    }

    private void songWithVector(String model) {
        long id = jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now()) RETURNING id")
                .param("p", "a/" + UUID.randomUUID() + ".flac").query(Long.class).single();
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id, :m, 'search',"
                + " 2, :data, 'v1')").param("id", id).param("m", model)
                .param("data", VectorCodec.encode(new float[] {1, 0})).update();
    }

    @Test
    void outOfRangeValuesAre422NamingTheirRangesAndStartNothing() {
        songWithVector("acoustic_features");
        Http.Response response = http().post("/api/v1/clustering/run",
                "{\"clusters\": {\"min\": 1, \"max\": 50}, \"runs\": 0, \"top_n\": 7, \"silhouette\": 1,"
                        + " \"methd\": \"gmm\"}", JSON_TYPE);
        assertThat(response.status()).isEqualTo(422);
        String body = response.body();
        assertThat(body).contains("clusters must be {\\\"min\\\": a, \\\"max\\\": b} with 2 ≤ a ≤ b ≤ 1000")
                .contains("runs must be an integer in the range 1–10000")
                .contains("silhouette must be 0").contains("Unknown parameter methd")
                .doesNotContain("[\"body\",\"top_n\"]");
        assertThat(jdbc.sql("SELECT count(*) FROM task").query(Long.class).single()).isZero();
    }

    @Test
    void aModelWithoutVectorsIs422ListingThoseThatHaveThem() {
        songWithVector("acoustic_features");
        Http.Response response = http().post("/api/v1/clustering/run", "{\"model\": \"clap\"}", JSON_TYPE);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("has no vectors; models with vectors: [acoustic_features]");
    }

    @Test
    void theDefaultModelIsTheFirstWithVectorsAndASecondRunWhileOneIsActiveIsSkipped() throws Exception {
        songWithVector("acoustic_features");
        Http.Response response = http().post("/api/v1/clustering/run", "{\"method\": \"dbscan\", \"seed\": 42}",
                JSON_TYPE);
        assertThat(response.status()).isEqualTo(200);
        JsonNode task = response.json();
        assertThat(task.get("status").asString()).isEqualTo("PENDING");
        assertThat(task.get("name").asString()).isEqualTo("Clustering");
        UUID id = UUID.fromString(task.get("id").asString());
        JsonNode parameters = JsonMapper.builder().build().readTree(jdbc.sql(
                "SELECT parameters::text FROM task WHERE id = :id").param("id", id).query(String.class).single());
        assertThat(parameters.get("model").asString()).isEqualTo("acoustic_features");
        assertThat(parameters.get("method").asString()).isEqualTo("dbscan");
        assertThat(parameters.get("seed").asLong()).isEqualTo(42);
        Message message = rabbit.receive(queues.topology().jobQueue(TaskType.CLUSTER), 10_000);
        assertThat(message).isNotNull();
        assertThat(rabbit.getMessageConverter().fromMessage(message)).isEqualTo(new JobRequest(id, TaskType.CLUSTER));

        JsonNode second = http().post("/api/v1/clustering/run").json();
        assertThat(second.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(second.get("details").get("active_task_id").asString()).isEqualTo(id.toString());
    }

    @Test
    void runsAreListedWithTheirCurveAndPlaylists() {
        UUID task = UUID.randomUUID();
        jdbc.sql("INSERT INTO task (id, type, name, status) VALUES (:id, 'CLUSTER', 'Clustering', 'SUCCESS')")
                .param("id", task).update();
        long run = jdbc.sql("INSERT INTO clustering_run (task_id, parameters, fitness_curve, best_fitness, status)"
                + " VALUES (:t, '{\"model\": \"musicnn\"}', '[0.5, 0.75]', 0.75, 'SUCCESS') RETURNING id")
                .param("t", task).query(Long.class).single();
        jdbc.sql("INSERT INTO playlist (name, source, request) VALUES ('Calm · Slow', 'cluster', CAST(:r AS jsonb))")
                .param("r", "{\"run_id\": " + run + ", \"fitness\": 0.9}").update();
        jdbc.sql("INSERT INTO playlist (name, source) VALUES ('Mine', 'manual')").update();

        JsonNode list = http().get("/api/v1/clustering/runs").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("fitness_curve").toString()).isEqualTo("[0.5,0.75]");
        JsonNode one = http().get("/api/v1/clustering/runs/" + run).json();
        assertThat(one.get("parameters").get("model").asString()).isEqualTo("musicnn");
        assertThat(one.get("playlists").size()).isEqualTo(1);
        assertThat(one.get("playlists").get(0).get("name").asString()).isEqualTo("Calm · Slow");
        assertThat(http().get("/api/v1/clustering/runs/" + (run + 1)).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/clustering/runs?limit=0").status()).isEqualTo(422);
    }
}
