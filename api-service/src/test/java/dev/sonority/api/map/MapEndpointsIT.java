package dev.sonority.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.clustering.map.Layout;
import dev.sonority.clustering.map.MapMethod;
import dev.sonority.clustering.map.MapProjection;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.task.TaskType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/v1/map/run and GET /api/v1/map against a real database and broker, over a generated library of three
 * groups (8-d acoustic_features vectors, one genre per group, one song with a hostile title). The worker is not
 * running here (its MAP job has its own test, MapJobTest): the stored map is written as the worker writes it,
 * from clustering-core's projection of the same vectors.
 */
class MapEndpointsIT extends ApiIntegrationTest {

    private static final String JSON_TYPE = "application/json";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final int SONGS = 120;

    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeEach
    void emptyTablesAndQueue() {
        reset();
        ((RabbitAdmin) amqpAdmin).initialize();
        amqpAdmin.purgeQueue(queues.topology().jobQueue(TaskType.MAP), false);
    }

    /** SONGS songs in three groups; returns their ids and vectors in id order. */
    private double[][] library(List<Long> ids) {
        Random random = new Random(3);
        String[] genres = {"Jazz", "Rock", "Ambient"};
        double[][] vectors = new double[SONGS][8];
        for (int i = 0; i < SONGS; i++) {
            int g = i % 3;
            long id = jdbc.sql("INSERT INTO song (path, title, genre, file_size, file_mtime) VALUES (:p, :t, :g, 1,"
                    + " now()) RETURNING id").param("p", "g" + g + "/" + i + ".flac")
                    .param("t", i == 0 ? HOSTILE : "Song " + i).param("g", genres[g]).query(Long.class).single();
            float[] v = new float[8];
            for (int d = 0; d < 8; d++) {
                v[d] = (float) ((d == 2 * g ? 1.0 : 0.0) + 0.05 * random.nextGaussian());
                vectors[i][d] = v[d];
            }
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                    + " 'acoustic_features', 'search', 8, :d, 'test')").param("id", id)
                    .param("d", VectorCodec.encode(v)).update();
            ids.add(id);
        }
        return vectors;
    }

    @Test
    void badInputIs422AndStartsNothing() {
        List<Long> ids = new java.util.ArrayList<>();
        library(ids);
        Http.Response body = http().post("/api/v1/map/run", "{\"method\": \"tsne\", \"seed\": \"x\", \"colour\": 1}",
                JSON_TYPE);
        assertThat(body.status()).isEqualTo(422);
        assertThat(body.body()).contains("method must be umap or pca").contains("seed must be an integer")
                .contains("Unknown parameter colour");
        assertThat(http().post("/api/v1/map/run", "{\"model\": \"clap\"}", JSON_TYPE).body())
                .contains("Model clap has no vectors");
        assertThat(jdbc.sql("SELECT count(*) FROM task").query(Long.class).single()).isZero();

        Http.Response percent = http().get("/api/v1/map?percent=33");
        assertThat(percent.status()).isEqualTo(422);
        assertThat(percent.body()).contains("percent must be one of 25, 50, 75, 100").contains("\"query\"");
        Http.Response model = http().get("/api/v1/map?model=nope");
        assertThat(model.status()).isEqualTo(422);
        assertThat(model.body()).contains("model must be one of");
    }

    @Test
    void beforeAnyMapIs404SayingHowThen202WhileTheTaskIsPending() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        library(ids);
        Http.Response missing = http().get("/api/v1/map?model=acoustic_features");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("POST /api/v1/map/run");

        Http.Response run = http().post("/api/v1/map/run", "{\"method\": \"pca\", \"seed\": 9}", JSON_TYPE);
        assertThat(run.status()).isEqualTo(200);
        JsonNode task = run.json();
        assertThat(task.get("status").asString()).isEqualTo("PENDING");
        assertThat(task.get("name").asString()).isEqualTo("Library Map");
        UUID id = UUID.fromString(task.get("id").asString());
        JsonNode parameters = mapper.readTree(jdbc.sql("SELECT parameters::text FROM task WHERE id = :id")
                .param("id", id).query(String.class).single());
        assertThat(parameters.get("model").asString()).isEqualTo("acoustic_features");
        assertThat(parameters.get("method").asString()).isEqualTo("pca");
        assertThat(parameters.get("seed").asLong()).isEqualTo(9);
        Message message = rabbit.receive(queues.topology().jobQueue(TaskType.MAP), 10_000);
        assertThat(message).isNotNull();
        assertThat(rabbit.getMessageConverter().fromMessage(message)).isEqualTo(new JobRequest(id, TaskType.MAP));

        Http.Response pending = http().get("/api/v1/map?model=acoustic_features");
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().get("id").asString()).isEqualTo(id.toString());
    }

    @Test
    void theStoredMapIsServedGzippedWithAnEtagAndStableShares() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        double[][] vectors = library(ids);
        Layout layout = MapProjection.project(vectors, MapMethod.UMAP, 5);
        Instant computedAt = Instant.parse("2026-12-08T04:00:00.123456Z");
        for (int i = 0; i < SONGS; i++) {
            jdbc.sql("INSERT INTO song_map (model, song_id, x, y, method, computed_at) VALUES ('acoustic_features',"
                    + " :s, :x, :y, 'umap', :at)").param("s", ids.get(i)).param("x", (float) layout.points()[i][0])
                    .param("y", (float) layout.points()[i][1]).param("at", Timestamp.from(computedAt)).update();
        }
        HttpResponse<byte[]> full = get("/api/v1/map?model=acoustic_features", "gzip", null);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Encoding")).contains("gzip");
        String etag = full.headers().firstValue("ETag").orElseThrow();
        JsonNode map = mapper.readTree(gunzip(full.body()));
        assertThat(map.get("model").asString()).isEqualTo("acoustic_features");
        assertThat(map.get("method").asString()).isEqualTo("umap");
        assertThat(Instant.parse(map.get("computed_at").asString())).isEqualTo(computedAt);
        JsonNode points = map.get("points");
        assertThat(points.size()).isEqualTo(SONGS);
        JsonNode first = points.get(0);
        assertThat(first.get("file_path").asString()).isEqualTo("g0/0.flac");
        assertThat(first.get("title").asString()).isEqualTo(HOSTILE);
        assertThat(first.get("genre").asString()).isEqualTo("Jazz");
        assertThat((float) first.get("x").asDouble()).isEqualTo((float) layout.points()[0][0]);

        HttpResponse<byte[]> again = get("/api/v1/map?model=acoustic_features", "gzip", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> plain = get("/api/v1/map?percent=100", null, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(mapper.readTree(plain.body()).get("points").size()).isEqualTo(SONGS);

        // a quarter: a stable subset of the whole, near a quarter of it, its own ETag
        HttpResponse<byte[]> quarter = get("/api/v1/map?percent=25", null, null);
        assertThat(quarter.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        Set<String> quarterPaths = paths(mapper.readTree(quarter.body()).get("points"));
        assertThat(quarterPaths).hasSizeBetween(SONGS / 4 - 15, SONGS / 4 + 15)
                .isSubsetOf(paths(points))
                .isEqualTo(paths(mapper.readTree(get("/api/v1/map?percent=25", null, null).body()).get("points")));
        Set<String> half = paths(mapper.readTree(get("/api/v1/map?percent=50", null, null).body()).get("points"));
        assertThat(half).containsAll(quarterPaths);
    }

    private static Set<String> paths(JsonNode points) {
        Set<String> out = new HashSet<>();
        points.forEach(p -> out.add(p.get("file_path").asString()));
        return out;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
