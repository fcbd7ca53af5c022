package dev.sonority.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.web.testing.MalformedRequest;
import dev.sonority.web.testing.RawHttp;
import dev.sonority.worker.SonorityWorkerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's HTTP port serves only actuator endpoints; each answers every malformed request of the shared table
 * with a JSON 4xx, never a 5xx or Tomcat's HTML page.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontDoorTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    private static final List<String> ENDPOINTS = List.of("/actuator/health", "/actuator/health/readiness",
            "/actuator/info", "/actuator/prometheus", "/nowhere");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        try {
            Path music = Files.createTempDirectory("front-door-music-");
            DB.register(registry::add);
            MQ.register(registry::add);
            registry.add("sonority.worker.music-dir", music::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() {
        DB.close();
    }

    @LocalServerPort
    int port;

    static Iterable<MalformedRequest> table() {
        return MalformedRequest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyEndpointAnswersEveryMalformedRequestWithAJson4xx(MalformedRequest malformed) {
        List<String[]> endpoints = ENDPOINTS.stream().map(path -> new String[] {"GET", path}).toList();
        assertThat(malformed.failuresOn(RawHttp.local(port), endpoints)).as(malformed.name()).isEmpty();
    }
}
