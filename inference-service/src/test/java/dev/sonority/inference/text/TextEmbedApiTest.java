package dev.sonority.inference.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with an empty MODELS_DIR: text_minilm is installed from the jar at startup, listed as
 * installed, and answers POST /v1/embed/text with L2-normalised 384-d vectors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TextEmbedApiTest {

    private static final Path MODELS_DIR = createTempDir();

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) {
        registry.add("MODELS_DIR", MODELS_DIR::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void textMinilmIsInstalledFromTheJarAndEmbedsTexts() throws Exception {
        assertThat(MODELS_DIR.resolve("text_minilm/all-minilm-l6-v2-q.onnx")).exists();
        JsonNode model = json.readTree(get("/v1/models/text_minilm").body());
        assertThat(model.get("state").asString()).isIn("installed", "loaded");

        HttpResponse<String> response = post("/v1/embed/text",
                "{\"model\":\"text_minilm\",\"texts\":[\"calm piano\",\"heavy metal\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("model").asString()).isEqualTo("text_minilm");
        assertThat(body.get("dim").asInt()).isEqualTo(384);
        assertThat(body.get("embeddings").size()).isEqualTo(2);
        for (JsonNode row : body.get("embeddings")) {
            double norm = 0;
            for (JsonNode v : row) {
                norm += v.asDouble() * v.asDouble();
            }
            assertThat(row.size()).isEqualTo(384);
            assertThat(Math.sqrt(norm)).isBetween(0.9999, 1.0001);
        }
    }

    @Test
    void aModelWithoutDownloadUrlAnswers409NamingWhatToDo() throws Exception {
        HttpResponse<String> response = post("/v1/models/mert/download", "");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).get("detail").asString())
                .startsWith("Model 'mert' has no download URL for mert/mert-v1-330m.onnx in the manifest.")
                .contains("models/export_mert.py");
        assertThat(post("/v1/models/nope/download", "").statusCode()).isEqualTo(404);
        assertThat(get("/v1/models/clap/download").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("text-embed-api-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
