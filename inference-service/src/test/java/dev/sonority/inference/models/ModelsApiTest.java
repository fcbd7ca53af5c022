package dev.sonority.inference.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /v1/models of the whole application, with MODELS_DIR pointing at a temporary folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelsApiTest {

    private static final Path MODELS_DIR = createTempDir();

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) {
        registry.add("MODELS_DIR", MODELS_DIR::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void emptyModelsDir() throws IOException {
        deleteContents(MODELS_DIR);
    }

    @AfterAll
    static void removeModelsDir() throws IOException {
        deleteContents(MODELS_DIR);
        Files.deleteIfExists(MODELS_DIR);
    }

    @Test
    void emptyModelsDirListsEveryManifestModelAsNotInstalled() throws Exception {
        JsonNode body = getJson("/v1/models", 200);
        assertThat(body.get("models_dir").asString()).isEqualTo(MODELS_DIR.toAbsolutePath().normalize().toString());
        // MODELS_DIR has no manifest.json of its own, so the copy inside the jar is used.
        assertThat(body.get("manifest").asString()).isEqualTo("classpath:sonority/models/manifest.json");
        assertThat(names(body)).containsExactly("musicnn", "clap", "mert", "muq", "muq_mulan", "text_minilm");
        for (JsonNode model : body.get("models")) {
            assertThat(model.get("state").asString()).as(model.get("name").asString()).isEqualTo("not_installed");
            assertThat(model.get("files").get(0).get("state").asString()).isEqualTo("missing");
        }
        assertThat(model(body, "musicnn").get("output_dims").get("embedding").asInt()).isEqualTo(200);
    }

    @Test
    void musicnnIsInstalledOnceItsRealFilesAreCopiedIn() throws Exception {
        copyMusicnn();
        JsonNode body = getJson("/v1/models", 200);
        assertThat(model(body, "musicnn").get("state").asString()).isEqualTo("installed");
        assertThat(model(body, "clap").get("state").asString()).isEqualTo("not_installed");
        assertThat(getJson("/v1/models/musicnn", 200).get("state").asString()).isEqualTo("installed");
    }

    @Test
    void aMissingOrTruncatedFileMeansNotInstalled() throws Exception {
        copyMusicnn();
        Files.delete(MODELS_DIR.resolve("musicnn/mood_sad-msd-musicnn-1.onnx"));
        Path embedding = MODELS_DIR.resolve("musicnn/msd-musicnn-1.onnx");
        Files.write(embedding, new byte[1000]); // the real file has 3,125,573 bytes

        JsonNode musicnn = getJson("/v1/models/musicnn", 200);
        assertThat(musicnn.get("state").asString()).isEqualTo("not_installed");
        assertThat(fileState(musicnn, "musicnn/msd-musicnn-1.onnx")).isEqualTo("wrong_size");
        assertThat(fileState(musicnn, "musicnn/mood_sad-msd-musicnn-1.onnx")).isEqualTo("missing");
        assertThat(fileState(musicnn, "musicnn/mood_happy-msd-musicnn-1.onnx")).isEqualTo("present");
    }

    @Test
    void unknownModelIsAProblemDetail404() throws Exception {
        HttpResponse<String> response = get("/v1/models/vggish");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("vggish");
    }

    private void copyMusicnn() throws IOException {
        Path target = Files.createDirectories(MODELS_DIR.resolve("musicnn"));
        try (Stream<Path> files = Files.list(TestPaths.sharedMusicnn())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".onnx")).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }

    private JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode body) {
        return body.get("models").valueStream().map(m -> m.get("name").asString()).toList();
    }

    private static JsonNode model(JsonNode body, String name) {
        return body.get("models").valueStream().filter(m -> m.get("name").asString().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String fileState(JsonNode model, String path) {
        return model.get("files").valueStream().filter(f -> f.get("path").asString().equals(path)).findFirst()
                .orElseThrow().get("state").asString();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("sonority-models-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }
}
