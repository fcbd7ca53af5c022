package dev.sonority.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.sonority.contract.inference.AudioEmbedding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one sorting of inference-service's answers into data, refusals and outages, against a local server. */
class InferenceClientTest {

    private HttpServer server;
    private volatile int status;
    private volatile String answer;
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            body.set(exchange.getRequestBody().readAllBytes());
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InferenceClient client() {
        return client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static InferenceClient client(URI base) {
        Duration second = Duration.ofSeconds(1);
        return new InferenceClient(base, second, second, second);
    }

    private void answer(int status, String json) {
        this.status = status;
        this.answer = json;
    }

    @Test
    void audioIsSentAsFloat32LittleEndianWithItsRateModelsAndWindows() {
        answer(200, "{\"results\": {\"clap\": {\"dim\": 2, \"embedding\": [0.6, 0.8]}}}"); // no duration_s, windows
        float[] samples = {0.5f, -1f, 0.25f};
        Map<String, AudioEmbedding> results = client().embedAudio(samples, 48_000, List.of("clap", "mert"), 3);
        assertThat(results.get("clap").embedding()).containsExactly(0.6f, 0.8f);
        assertThat(results.get("clap").windows()).isZero();
        assertThat(query.get()).isEqualTo("sample_rate=48000&models=clap%2Cmert&windows=3");
        ByteBuffer expected = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            expected.putFloat(sample);
        }
        assertThat(body.get()).isEqualTo(expected.array());
    }

    @Test
    void aModelNotInstalledIsARefusalWithTheProblemsDetailAndInstallHint() {
        answer(409, "{\"status\": 409, \"detail\": \"Model clap is not installed\", \"model\": \"clap\","
                + " \"install\": \"./sonority models pull clap\"}");
        InferenceRejectedException e = catchThrowableOfType(InferenceRejectedException.class,
                () -> client().embedText("clap", List.of("jazz")));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.detail()).isEqualTo("Model clap is not installed");
        assertThat(e.model()).isEqualTo("clap");
        assertThat(e.getMessage()).isEqualTo("inference service answered 409: Model clap is not installed"
                + " (install: ./sonority models pull clap)");
    }

    @Test
    void a503NamingAModelIsThatModelsRefusalAndOneNamingNoneAnOutage() {
        answer(503, "{\"detail\": \"mert failed to load\", \"model\": \"mert\"}");
        assertThat(catchThrowableOfType(InferenceRejectedException.class, () -> client().models()).model())
                .isEqualTo("mert");
        answer(503, "{\"detail\": \"warming up\"}");
        InferenceUnavailableException e = catchThrowableOfType(InferenceUnavailableException.class,
                () -> client().models());
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.detail()).isEqualTo("warming up");
    }

    @Test
    void aServerErrorWithoutProblemJsonIsAnOutageShowingTheBody() {
        answer(500, "Internal Server Error");
        InferenceUnavailableException e = catchThrowableOfType(InferenceUnavailableException.class,
                () -> client().embedText("text_minilm", List.of("a")));
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.detail()).isEqualTo("Internal Server Error");
    }

    @Test
    void noAnswerIsAnOutageWithoutStatus() throws IOException {
        URI closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        InferenceUnavailableException e = catchThrowableOfType(InferenceUnavailableException.class,
                () -> client(closed).models());
        assertThat(e.status()).isNull();
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(e.getMessage()).startsWith("inference service at " + closed + "/ unreachable: ");
    }

    @Test
    void textEmbeddingsAreOnePerTextOrTheAnswerIsAnOutage() {
        answer(200, "{\"model\": \"m\", \"dim\": 2, \"embeddings\": [[1, 0], [0, 1]]}");
        assertThat(client().embedText("m", List.of("a", "b"))).hasSize(2);
        assertThat(catchThrowableOfType(InferenceUnavailableException.class,
                () -> client().embedText("m", List.of("a"))).getMessage())
                .contains("returned 2 text embeddings for 1 texts");
        answer(200, "not json");
        assertThat(catchThrowableOfType(InferenceUnavailableException.class,
                () -> client().embedText("m", List.of("a"))).getMessage()).contains("cannot be read");
    }
}
