package dev.sonority.inference.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /v1/embed/audio and /v1/embed/text over a real port, MODELS_DIR = ../shared/models (real MusiCNN, no
 * other model installed), musicnn preloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"MODELS_PRELOAD=musicnn", "MODELS_INSTALL_BUNDLED=false", "INFERENCE_MAX_AUDIO_BYTES=4MB", "INFERENCE_BATCH_WAIT=1ms"})
class EmbedApiTest {

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) {
        registry.add("MODELS_DIR", () -> InferenceTestSupport.sharedModels().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ModelRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void musicnnReturnsEmbeddingTagsAndMoodsAsTheModelComputesThem() throws Exception {
        float[] signal = noiseAndTone(16000 * 10, 3);
        HttpResponse<String> response = postAudio("sample_rate=16000&models=musicnn", signal);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("sample_rate").asInt()).isEqualTo(16000);
        assertThat(body.get("duration_s").asDouble()).isEqualTo(10.0);
        JsonNode musicnn = body.get("results").get("musicnn");
        assertThat(musicnn.get("version").asString()).isEqualTo("1");
        assertThat(musicnn.get("dim").asInt()).isEqualTo(200);
        assertThat(musicnn.get("windows").asInt()).isEqualTo(3); // 624 frames: 3 patches of 187
        assertThat(musicnn.get("tags").size()).isEqualTo(50);
        assertThat(musicnn.get("tag_labels").get(0).asString()).isEqualTo("rock");
        assertThat(musicnn.get("moods").size()).isEqualTo(6);
        assertThat(musicnn.get("mood_labels").get(5).asString()).isEqualTo("sad");

        AudioEmbedding direct;
        try (ModelLease lease = registry.acquire("musicnn")) {
            direct = lease.model().audio().orElseThrow().embed(new AudioInput(signal, 16000, WindowSelection.all()));
        }
        for (int i = 0; i < 200; i++) { // JSON carries every float exactly
            assertThat((float) musicnn.get("embedding").get(i).asDouble()).isEqualTo(direct.embedding()[i]);
        }

        JsonNode two = json.readTree(postAudio("sample_rate=16000&models=musicnn&windows=2", signal).body());
        assertThat(two.get("results").get("musicnn").get("windows").asInt()).isEqualTo(2);
    }

    @Test
    void modelsListShowsMusicnnLoadedOnTheCpuWithItsMemory() throws Exception {
        JsonNode models = json.readTree(get("/v1/models").body()).get("models");
        JsonNode musicnn = models.valueStream().filter(m -> m.get("name").asString().equals("musicnn")).findFirst()
                .orElseThrow();
        assertThat(musicnn.get("state").asString()).isEqualTo("loaded"); // MODELS_PRELOAD
        assertThat(musicnn.get("provider").asString()).isEqualTo("cpu");
        assertThat(musicnn.get("memory_bytes").asLong()).isPositive();
        assertThat(musicnn.get("kind").asString()).isEqualTo("audio");
        assertThat(musicnn.get("sample_rate").asInt()).isEqualTo(16000);
        JsonNode clap = models.valueStream().filter(m -> m.get("name").asString().equals("clap")).findFirst()
                .orElseThrow();
        assertThat(clap.get("state").asString()).isEqualTo("not_installed");
        assertThat(clap.get("reason").asString()).contains("clap/clap_audio_model.onnx (missing)");
        assertThat(clap.get("kind").asString()).isEqualTo("audio_and_text");
    }

    @Test
    void badAudioIsA400WithAPreciseMessage() throws Exception {
        assertProblem(postAudio("sample_rate=16000&models=musicnn", new float[0]), 400, "the body is empty");
        assertProblem(postAudio("sample_rate=16000&models=musicnn", new float[16000]), 400,
                "musicnn needs at least 48128 samples (3.008 s at 16000 Hz) for one patch of 187 mel frames; got"
                        + " 16000 samples (1.000 s)");
        float[] nan = new float[60000];
        nan[16000] = Float.NaN;
        assertProblem(postAudio("sample_rate=16000&models=musicnn", nan), 400, "sample 16000 (at 1.000 s) is NaN");
        nan[16000] = Float.NEGATIVE_INFINITY;
        assertProblem(postAudio("sample_rate=16000&models=musicnn", nan), 400, "is -inf");
        assertProblem(postAudio("sample_rate=22050&models=musicnn", new float[60000]), 400,
                "model musicnn needs sample_rate=16000 but this request has 22050");
        assertProblem(postAudio("sample_rate=16000&models=musicnn,vggish", new float[60000]), 400,
                "unknown model 'vggish'");
        assertProblem(postAudio("sample_rate=16000&models=text_minilm", new float[60000]), 400, "embeds text only");
        assertProblem(postAudio("sample_rate=16000&models=musicnn&windows=few", new float[60000]), 400,
                "windows must be 'all' or a whole number");
        assertProblem(postAudio("models=musicnn", new float[60000]), 400, "sample_rate");
        HttpResponse<String> odd = send(HttpRequest.newBuilder(uri("/v1/embed/audio?sample_rate=16000&models=musicnn"))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(
                        new byte[4001])).build());
        assertProblem(odd, 400, "not a whole number of float32 samples");
    }

    @Test
    void notInstalledIs409WithTheInstallCommandAndTooLargeIs413() throws Exception {
        HttpResponse<String> clap = postAudio("sample_rate=48000&models=clap", new float[48000 * 11]);
        JsonNode problem = assertProblem(clap, 409, "model clap is not installed");
        assertThat(problem.get("install").asString()).isEqualTo("./sonority models pull clap");

        JsonNode text = assertProblem(postText("{\"model\":\"clap\",\"texts\":[\"calm piano\"]}"), 409,
                "not installed");
        assertThat(text.get("install").asString()).isEqualTo("./sonority models pull clap");

        assertProblem(postAudio("sample_rate=16000&models=musicnn", new float[1_100_000]), 413,
                "at most 4194304 bytes");
    }

    @Test
    void badTextRequestsAre400() throws Exception {
        assertProblem(postText("{\"model\":\"musicnn\",\"texts\":[\"x\"]}"), 400, "embeds audio only");
        assertProblem(postText("{\"model\":\"clap\",\"texts\":[]}"), 400, "texts is empty");
        assertProblem(postText("{\"model\":\"clap\",\"texts\":[\"a\",\" \"]}"), 400, "texts[1] is blank");
        assertProblem(postText("{\"texts\":[\"a\"]}"), 400, "model is missing");
        assertProblem(postText("{\"model\":\"nope\",\"texts\":[\"a\"]}"), 400, "unknown model 'nope'");
    }

    @Test
    void prometheusHasRequestBatchAndInferenceMetrics() throws Exception {
        postAudio("sample_rate=16000&models=musicnn", noiseAndTone(60000, 5));
        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("sonority_inference_requests_total{endpoint=\"audio\",model=\"musicnn\",outcome=\"ok\"}")
                .contains("sonority_inference_batch_size_items_count{graph=\"patches\",model=\"musicnn\"}")
                .contains("sonority_inference_queue_wait_seconds_count{graph=\"patches\",model=\"musicnn\"}")
                .contains("sonority_inference_run_seconds_count{graph=\"patches\",model=\"musicnn\",outcome=\"success\",placement=\"preferred\"}")
                .contains("sonority_inference_embed_seconds_count{endpoint=\"audio\",model=\"musicnn\"}");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detail);
        return problem;
    }

    private HttpResponse<String> postAudio(String query, float[] samples) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/embed/audio?" + query))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(InferenceTestSupport.littleEndian(samples))).build());
    }

    private HttpResponse<String> postText(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/embed/text")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static float[] noiseAndTone(int samples, long seed) {
        Random random = new Random(seed);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + 0.1 * random.nextGaussian());
        }
        return out;
    }
}
