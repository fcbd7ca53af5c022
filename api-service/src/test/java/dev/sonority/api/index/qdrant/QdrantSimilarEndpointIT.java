package dev.sonority.api.index.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.model.testing.qdrant.InProcessQdrant;
import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API with VECTOR_STORE=qdrant, end to end: songs in the real PostgreSQL, their vectors written to Qdrant's
 * real gRPC services (in-process, on a loopback port) by the worker's sink, and Sola MPD's similar request and
 * Sonority's filtered one answered from there. Expected orders are the cosine formula evaluated here.
 */
@SpringBootTest(classes = SonorityApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sonority.vector-store.kind=qdrant", "sonority.vector-store.qdrant.timeout=2s"})
class QdrantSimilarEndpointIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final InProcessQdrant QDRANT = InProcessQdrant.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String SEED = "Artist/Album/01 Seed.flac";
    static final Map<String, float[]> CLAP = new LinkedHashMap<>();
    static final Map<String, String> GENRE = new LinkedHashMap<>();

    static {
        CLAP.put(SEED, new float[] {1, 0, 0});
        CLAP.put("Artist/Album/02 Near.flac", new float[] {1, 0.1f, 0});
        CLAP.put("Other/Ça va #1?.mp3", new float[] {1, 0.4f, 0.2f});
        CLAP.put("Other/far.flac", new float[] {0, 1, 0});
        CLAP.put("Jazz/middle.flac", new float[] {1, 0, 0.9f});
        GENRE.put("Other/Ça va #1?.mp3", "Jazz");
        GENRE.put("Jazz/middle.flac", "Jazz");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DB.register(registry::add);
        MQ.register(registry::add);
        registry.add("sonority.vector-store.qdrant.url", QDRANT::url);
    }

    @AfterAll
    static void drop() {
        QDRANT.close();
        DB.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private void library() {
        if (jdbc.sql("SELECT count(*) FROM song").query(Long.class).single() > 0) {
            return;
        }
        List<VectorPoint> points = new ArrayList<>();
        for (Map.Entry<String, float[]> song : CLAP.entrySet()) {
            long id = jdbc.sql("""
                    INSERT INTO song (path, title, artist, genre, file_size, file_mtime)
                    VALUES (:path, 't', :artist, :genre, 1, now()) RETURNING id""").param("path", song.getKey())
                    .param("artist", song.getKey().substring(0, song.getKey().indexOf('/')))
                    .param("genre", GENRE.get(song.getKey())).query(Long.class).single();
            float[] unit = Vectors.normalizeInPlace(song.getValue().clone());
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version)"
                    + " VALUES (:id, 'clap', 'search', 3, :data, 'test')").param("id", id)
                    .param("data", VectorCodec.encode(unit)).update();
            points.add(new VectorPoint(id, unit, Map.of("file_path", song.getKey())));
        }
        try (QdrantGateway gateway = QDRANT.gateway()) {
            new QdrantVectorSink(gateway).upsert("clap", points); // what the worker's sync does
        }
    }

    @Test
    void theQdrantStoreIsTheOnlyVectorStoreAndNoEmbeddedIndexExists() {
        assertThat(context.getBeansOfType(VectorStore.class).values()).singleElement()
                .isInstanceOf(QdrantVectorStore.class);
        assertThat(context.getBeanNamesForType(dev.sonority.api.index.EmbeddedIndexes.class)).isEmpty();
    }

    @Test
    void solaMpdsSimilarRequestIsAnsweredFromQdrantWithTheFallbackModel() throws Exception {
        library();
        assertThat(JSON.readTree(get("/actuator/health").body()).at("/components/qdrant/status").asString())
                .isEqualTo("UP");
        HttpResponse<String> answer = get("/api/v1/songs/" + encoded(SEED) + "/similar?model_name=muq&limit=100");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Sonority-Model")).contains("clap");
        JsonNode songs = JSON.readTree(answer.body()).get("songs");
        List<String> expected = CLAP.keySet().stream().filter(p -> !p.equals(SEED))
                .sorted(Comparator.comparingDouble(p -> -cosine(CLAP.get(SEED), CLAP.get(p)))).toList();
        assertThat(paths(songs)).containsExactlyElementsOf(expected);
        for (JsonNode song : songs) {
            assertThat(song.get("score").asDouble()).as(song.get("file_path").asString())
                    .isCloseTo(cosine(CLAP.get(SEED), CLAP.get(song.get("file_path").asString())), within(1e-5));
        }
    }

    @Test
    void aFieldFilterReachesQdrantAsAllowedSongs() throws Exception {
        library();
        HttpResponse<String> answer = get("/api/v1/similar?song=" + encoded(SEED) + "&model=clap&genre=Jazz");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(paths(JSON.readTree(answer.body()).get("songs")))
                .containsExactly("Other/Ça va #1?.mp3", "Jazz/middle.flac");
    }

    @Test
    void qdrantDownIs503WithRetryAfterNeverAnEmptyList() throws Exception {
        library();
        QDRANT.setDown(true);
        try {
            // the store notices once its cached health check (READY_CACHE) is out of date; until then a search
            // may still be answered, but never with an empty list
            HttpResponse<String> answer = await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> polled = get("/api/v1/songs/" + encoded(SEED) + "/similar?model_name=clap");
                if (polled.statusCode() == 200) {
                    assertThat(JSON.readTree(polled.body()).get("songs")).as(polled.body()).isNotEmpty();
                }
                return polled;
            }, polled -> polled.statusCode() == 503 && polled.headers().firstValue("Retry-After").isPresent());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(get("/actuator/health").body()).at("/components/qdrant/status").asString())
                    .isEqualTo("DOWN");
            assertThat(get("/actuator/health/readiness").statusCode()).as("the API still serves all but search")
                    .isEqualTo(200);
        } finally {
            QDRANT.setDown(false);
        }
    }

    private HttpResponse<String> get(String rawPath) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<String> paths(JsonNode songs) {
        List<String> paths = new ArrayList<>();
        songs.forEach(s -> paths.add(s.get("file_path").asString()));
        return paths;
    }

    private static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double cosineDot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    private static double cosine(float[] a, float[] b) {
        return cosineDot(a, b) / Math.sqrt(cosineDot(a, a) * cosineDot(b, b));
    }
}
