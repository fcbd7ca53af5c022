package dev.sonority.inference.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST/GET /v1/models/{name}/download of the whole application against a local file server, with a
 * manifest.json of its own in MODELS_DIR: the model goes queued/running → completed and shows as installed;
 * a wrong checksum ends failed with the reason and installs nothing; non-commercial weights are refused (422, no
 * request upstream) until the licence is accepted; a file without a published checksum shows as unverified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "MODELS_INSTALL_BUNDLED=false")
class DownloadApiTest {

    private static final byte[] AUDIO = ModelDownloaderTest.bytes(250_000, 3);
    private static final byte[] TEXT = ModelDownloaderTest.bytes(50_000, 4);
    private static final RangeFileServer SERVER = startServer();
    private static final Path MODELS_DIR = modelsDir();

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) {
        registry.add("MODELS_DIR", MODELS_DIR::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void aDownloadRunsInTheBackgroundAndInstallsTheModel() throws Exception {
        assertThat(json.readTree(get("/v1/models/clap").body()).get("state").asString()).isEqualTo("not_installed");
        HttpResponse<String> started = post("/v1/models/clap/download");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).contains("/v1/models/clap/download");
        assertThat(json.readTree(started.body()).get("bytes_total").asLong()).isEqualTo(AUDIO.length + TEXT.length);

        JsonNode done = await("clap");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("bytes_done").asLong()).isEqualTo(AUDIO.length + TEXT.length);
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(Files.readAllBytes(MODELS_DIR.resolve("clap/clap-audio.onnx"))).isEqualTo(AUDIO);
        assertThat(json.readTree(get("/v1/models/clap").body()).get("state").asString()).isIn("installed", "failed");
    }

    @Test
    void aWrongChecksumFailsWithTheReasonAndInstallsNothing() throws Exception {
        assertThat(post("/v1/models/muq/download").statusCode()).isEqualTo(202);
        JsonNode done = await("muq");
        assertThat(done.get("state").asString()).isEqualTo("failed");
        assertThat(done.get("error").asString()).startsWith("Checksum mismatch for muq/muq-large-msd-iter.onnx");
        assertThat(MODELS_DIR.resolve("muq/muq-large-msd-iter.onnx")).doesNotExist();
    }

    @Test
    void nonCommercialWeightsNeedTheLicenceAcceptedAndNothingIsFetchedWithout() throws Exception {
        int before = SERVER.requests();
        HttpResponse<String> refused = post("/v1/models/muq_mulan/download");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("title").asString()).isEqualTo("Licence not accepted");
        assertThat(problem.get("licence").asString()).isEqualTo("CC BY-NC 4.0");
        assertThat(problem.get("detail").asString()).contains("licensed CC BY-NC 4.0").contains("--accept-licence");
        assertThat(SERVER.requests()).isEqualTo(before);
        assertThat(get("/v1/models/muq_mulan/download").statusCode()).isEqualTo(404);
        assertThat(MODELS_DIR.resolve("muq_mulan")).doesNotExist();

        HttpResponse<String> accepted = post("/v1/models/muq_mulan/download?accept_licence=true");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode done = await("muq_mulan");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("unverified").get(0).asString()).isEqualTo("muq_mulan/mulan_audio_encoder.onnx");
    }

    @Test
    void aFileWithoutPublishedChecksumShowsAsUnverifiedWithItsRecordedDigest() throws Exception {
        assertThat(post("/v1/models/mert/download").statusCode()).isEqualTo(202);
        assertThat(await("mert").get("state").asString()).isEqualTo("completed");

        JsonNode mert = json.readTree(get("/v1/models/mert").body());
        JsonNode file = mert.get("files").get(0);
        assertThat(file.get("verification").asString()).isEqualTo("unverified");
        assertThat(file.get("recorded_sha256").asString()).isEqualTo(ModelDownloaderTest.sha256(AUDIO));
        assertThat(file.get("sha256").isNull()).isTrue();
        assertThat(mert.get("download").asString()).isEqualTo("downloadable");
        assertThat(mert.get("non_commercial").asBoolean()).isFalse();
        JsonNode muq = json.readTree(get("/v1/models/muq").body());
        assertThat(muq.get("files").get(0).get("verification").isNull()).isTrue(); // not installed
    }

    private JsonNode await(String model) throws Exception {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> json.readTree(get("/v1/models/" + model + "/download").body()),
                        status -> status.get("state").asString().matches("completed|failed"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RangeFileServer startServer() {
        try {
            RangeFileServer server = new RangeFileServer();
            server.put("/audio.onnx", AUDIO);
            server.put("/text.onnx", TEXT);
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path modelsDir() {
        try {
            Path dir = Files.createTempDirectory("download-api-");
            String a = SERVER.uri("/audio.onnx").toString();
            String t = SERVER.uri("/text.onnx").toString();
            Files.writeString(dir.resolve("manifest.json"), """
                    {"format_version": 1, "models": [
                      {"name": "clap", "version": "t", "license": "l", "source": "s", "files": [
                        {"path": "clap/clap-audio.onnx", "sha256": "%s", "url": "%s", "size": %d},
                        {"path": "clap/clap-text.onnx", "sha256": "%s", "url": "%s", "size": %d}]},
                      {"name": "muq", "version": "t", "license": "l", "source": "s", "files": [
                        {"path": "muq/muq-large-msd-iter.onnx", "sha256": "%s", "url": "%s", "size": null}]},
                      {"name": "muq_mulan", "version": "t", "license": "CC BY-NC 4.0", "non_commercial": true,
                       "source": "s", "files": [
                        {"path": "muq_mulan/mulan_audio_encoder.onnx", "sha256": null, "url": "%s", "size": null}]},
                      {"name": "mert", "version": "t", "license": "l", "source": "s", "files": [
                        {"path": "mert/mert-v1-330m.onnx", "sha256": null, "url": "%s", "size": null}]}
                    ]}""".formatted(ModelDownloaderTest.sha256(AUDIO), a, AUDIO.length, ModelDownloaderTest.sha256(TEXT),
                    t, TEXT.length, ModelDownloaderTest.sha256(TEXT), a, t, a));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
