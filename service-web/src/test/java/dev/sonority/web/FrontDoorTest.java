package dev.sonority.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.web.testing.MalformedRequest;
import dev.sonority.web.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front door on a real Tomcat, over raw sockets: every malformed request of {@link MalformedRequest} on every
 * endpoint is a JSON 4xx, and each rule has its own case. Each assertion fails on the service without
 * service-web (500s, Tomcat's HTML pages, 0x10 read as 16, a foreign Host served).
 */
@SpringBootTest(classes = FrontDoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sonority.web.cors-origins=https://ui.example:8443", "sonority.web.allowed-hosts=music.lan",
                "sonority.web.raw-body-paths=/upload"})
class FrontDoorTest {

    @LocalServerPort
    int port;

    static Iterable<MalformedRequest> table() {
        return MalformedRequest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyMalformedRequestIsAJson4xxOnEveryEndpoint(MalformedRequest malformed) {
        List<String[]> endpoints = List.of(new String[] {"GET", "/items"}, new String[] {"GET", "/items/1"},
                new String[] {"POST", "/items"}, new String[] {"GET", "/actuator/health"},
                new String[] {"GET", "/nowhere"});
        assertThat(malformed.failuresOn(RawHttp.local(port), endpoints)).as(malformed.name()).isEmpty();
    }

    @Test
    void badEncodingIs400AndNulIs422NamingTheParameter() {
        assertThat(RawHttp.local(port).get("/items?x=%zz").status()).isEqualTo(400);
        RawHttp.Answer nul = RawHttp.local(port).get("/items?name=a%00b");
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).contains("\"parameter\":\"name\"");
    }

    @Test
    void integersAreAsciiDigitsOnly() {
        assertThat(RawHttp.local(port).get("/items?limit=0x10").status()).isEqualTo(400);
        assertThat(RawHttp.local(port).get("/items?limit=%EF%BC%95").status()).isEqualTo(400);
        assertThat(RawHttp.local(port).get("/items?limit=16").body()).contains("\"limit\":16");
    }

    @Test
    void rawBracketsInPathAndQueryAreAccepted() {
        RawHttp.Answer answer = RawHttp.local(port).get("/items/Album%20[Deluxe]?name=[x]");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Album [Deluxe]");
        assertThat(RawHttp.local(port).get("/items?name=[x]").body()).contains("\"name\":\"[x]\"");
    }

    @Test
    void tomcatRejectsAnswerJsonWith414And431ForSizes() {
        RawHttp.Answer line = RawHttp.local(port).get("/items?x=" + "a".repeat(9000));
        assertThat(line.status()).isEqualTo(414);
        assertThat(line.contentType()).contains("json");
        RawHttp.Answer header = RawHttp.local(port).send("GET", "/items", Map.of("X-Long", "a".repeat(9000)), null);
        assertThat(header.status()).isEqualTo(431);
        assertThat(header.contentType()).contains("json");
        RawHttp.Answer backslash = RawHttp.local(port).get("/items/a\\b");
        assertThat(backslash.status()).isEqualTo(400);
        assertThat(backslash.contentType()).contains("json");
    }

    @Test
    void errorPathIsNotAResource() {
        assertThat(RawHttp.local(port).get("/error").status()).isEqualTo(404);
    }

    @Test
    void foreignHostIsRefusedWhileBoundToLoopback() {
        assertThat(get("/items", Map.of("Host", "evil.example")).status()).isEqualTo(403);
        assertThat(get("/items", Map.of("Host", "evil.example:" + port)).body()).contains("ALLOWED_HOSTS");
        assertThat(get("/items", Map.of("Host", "localhost:" + port)).status()).isEqualTo(200);
        assertThat(get("/items", Map.of("Host", "[::1]:" + port)).status()).isEqualTo(200);
        assertThat(get("/items", Map.of("Host", "MUSIC.lan")).status()).isEqualTo(200);
    }

    @Test
    void crossOriginWritesAreRefusedUnlessListedOrSameOrigin() {
        byte[] body = "[\"a\"]".getBytes(StandardCharsets.UTF_8);
        assertThat(post(Map.of("Origin", "https://evil.example", "Content-Type", "text/plain"), body).status())
                .isEqualTo(403);
        assertThat(post(Map.of("Referer", "https://evil.example/page", "Content-Type", "application/json"), body)
                .status()).isEqualTo(403);
        assertThat(post(Map.of("Origin", "null", "Content-Type", "application/json"), body).status()).isEqualTo(403);
        assertThat(post(Map.of("Origin", "https://ui.example:8443", "Content-Type", "application/json"), body)
                .status()).isEqualTo(200);
        assertThat(post(Map.of("Origin", "http://127.0.0.1:" + port, "Content-Type", "application/json"), body)
                .status()).isEqualTo(200);
        assertThat(post(Map.of("Content-Type", "application/json"), body).status()).isEqualTo(200);
        // CORS: an unlisted origin may not even read; a listed one gets its Access-Control-Allow-Origin
        assertThat(get("/items", Map.of("Origin", "https://evil.example")).status()).isEqualTo(403);
        assertThat(get("/items", Map.of("Origin", "https://ui.example:8443")).header("Access-Control-Allow-Origin"))
                .isEqualTo("https://ui.example:8443");
    }

    @Test
    void preflightAllowsOnlyTheRoutesMethods() {
        RawHttp.Answer preflight = RawHttp.local(port).send("OPTIONS", "/items/1", Map.of("Origin",
                "https://ui.example:8443", "Access-Control-Request-Method", "GET"), null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET");
        assertThat(preflight.header("Allow")).isEqualTo("GET, OPTIONS");
        assertThat(RawHttp.local(port).send("OPTIONS", "/items/1", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null).status()).isEqualTo(403);
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        RawHttp.Answer answer = RawHttp.local(port).send("DELETE", "/items/1", Map.of(), null);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("GET");
    }

    @Test
    void jsonBodiesAreCappedButRawUploadsAreNot() {
        byte[] big = ("[\"" + "m".repeat(1_100_000) + "\"]").getBytes(StandardCharsets.UTF_8);
        assertThat(post(Map.of("Content-Type", "application/json"), big).status()).isEqualTo(413);
        RawHttp.Answer upload = RawHttp.local(port).send("POST", "/upload",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), big);
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.body()).contains("\"bytes\":" + big.length);
    }

    private RawHttp.Answer get(String path, Map<String, String> headers) {
        return RawHttp.local(port).send("GET", path, headers, null);
    }

    private RawHttp.Answer post(Map<String, String> headers, byte[] body) {
        return RawHttp.local(port).send("POST", "/items", headers, body);
    }
}
