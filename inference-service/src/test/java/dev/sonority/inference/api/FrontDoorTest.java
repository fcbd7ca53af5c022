package dev.sonority.inference.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.web.testing.MalformedRequest;
import dev.sonority.web.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every inference endpoint answers every malformed request of the shared table with a JSON 4xx, never a 5xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontDoorTest {

    private static final List<String[]> ENDPOINTS = List.of(new String[] {"GET", "/v1/models"},
            new String[] {"GET", "/v1/models/musicnn"},
            new String[] {"POST", "/v1/embed/audio?sample_rate=16000&models=musicnn"},
            new String[] {"POST", "/v1/embed/text"}, new String[] {"POST", "/v1/models/nope/download"},
            new String[] {"GET", "/actuator/health"}, new String[] {"GET", "/actuator/prometheus"});

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("front-door-models-");
            dir.toFile().deleteOnExit();
            registry.add("MODELS_DIR", dir::toString);
            registry.add("MODELS_INSTALL_BUNDLED", () -> "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    static Iterable<MalformedRequest> table() {
        return MalformedRequest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyEndpointAnswersEveryMalformedRequestWithAJson4xx(MalformedRequest malformed) {
        assertThat(malformed.failuresOn(RawHttp.local(port), ENDPOINTS)).as(malformed.name()).isEmpty();
    }

    @Test
    void badEncodingIs400WithoutEchoingTomcat() {
        RawHttp.Answer answer = RawHttp.local(port).send("POST",
                "/v1/embed/audio?sample_rate=16000&models=musicnn&x=%zz", Map.of(), new byte[8]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Character decoding failed");
    }

    @Test
    void errorPathIs404AndCrossOriginDownloadsAreRefused() {
        assertThat(RawHttp.local(port).get("/error").status()).isEqualTo(404);
        assertThat(RawHttp.local(port).send("POST", "/v1/models/musicnn/download",
                Map.of("Origin", "https://evil.example", "Content-Type", "text/plain"), "x".getBytes()).status())
                .isEqualTo(403);
    }

    @Test
    void localCallersSeeTheModelsDirectory() {
        assertThat(RawHttp.local(port).get("/v1/models").body()).contains("\"models_dir\"");
    }
}
