package dev.sonority.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.web.testing.MalformedRequest;
import dev.sonority.web.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hardening issue's rows against the real API (PostgreSQL, RabbitMQ, Tomcat), over raw sockets. The
 * table test takes its endpoints from the API's own OpenAPI document, so a new endpoint is covered the day it
 * lands; each row of the issue also has its own test that failed on the code before the fix.
 */
class FrontDoorIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void library() {
        reset();
        jdbc.sql("INSERT INTO song (path, title, artist, genre, file_size, file_mtime) VALUES"
                + " ('A/One.flac', 'One', 'A', 'Rock', 1, now())").update();
    }

    static Iterable<MalformedRequest> table() {
        return MalformedRequest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyEndpointAnswersEveryMalformedRequestWithAJson4xx(MalformedRequest malformed) {
        assertThat(malformed.failuresOn(raw(), endpoints())).as(malformed.name()).isEmpty();
    }

    @Test
    void nulInAnyTextThatReachesSqlIs422NamingTheParameter() {
        for (String target : List.of("/api/v1/similar?song=%00", "/api/v1/similar?song=A%2FOne.flac&genre=%00",
                "/api/v1/similar?song=A%2FOne.flac&artist=x%00", "/api/v1/search?q=piano&genre=%00")) {
            RawHttp.Answer answer = raw().get(target);
            assertThat(answer.status()).as(target).isEqualTo(422);
            assertThat(answer.body()).as(target).containsAnyOf("\"song\"", "\"genre\"", "\"artist\"");
        }
    }

    @Test
    void badPercentEncodingIs400Everywhere() {
        for (String target : List.of("/api/v1/songs?x=%zz", "/api/v1/tasks?x=%zz", "/api/v1/similar?song=%ff%fe",
                "/api/v1/search?x=%zz", "/api/v1/songs/search?x=%zz", "/actuator/health?x=%zz")) {
            assertThat(raw().get(target).status()).as(target).isEqualTo(400);
        }
    }

    @Test
    void hugeOffsetsAre422NotAnOverflow() {
        for (String target : List.of("/api/v1/similar?song=A%2FOne.flac&offset=9223372036854775807&limit=10",
                "/api/v1/search?q=x&offset=9223372036854775807&limit=10")) {
            assertThat(raw().get(target).status()).as(target).isEqualTo(422);
        }
        RawHttp.Answer clip = raw().send("POST", "/api/v1/similar/audio?offset=9223372036854775807&limit=10",
                Map.of("Content-Type", "application/octet-stream"), new byte[] {1, 2, 3});
        assertThat(clip.status()).isEqualTo(422);
        assertThat(clip.body()).contains("offset");
    }

    @Test
    void hexAndFullWidthNumbersAre422() {
        assertThat(raw().get("/api/v1/songs?limit=0x10").status()).isEqualTo(422);
        assertThat(raw().get("/api/v1/songs?limit=%EF%BC%95").status()).isEqualTo(422);
        assertThat(raw().get("/api/v1/search?q=x&limit=%EF%BC%95").status()).isEqualTo(422);
    }

    @Test
    void anAudioClipPostedAsCurlDoesReachesTheEndpointAsBytes() {
        // curl --data-binary sends application/x-www-form-urlencoded; the body must not be parsed as a form
        byte[] notAudio = "%zz=\u0000&%ff".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = raw().send("POST", "/api/v1/similar/audio?limit=2",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), notAudio);
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain("/tmp").doesNotContain("sonority-clip");
    }

    @Test
    void rawBracketsInAPathAreASongPath() {
        jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES ('Album (2021) [Deluxe]/01.flac', 1, now())")
                .update();
        RawHttp.Answer answer = raw().get("/api/v1/songs/Album%20(2021)%20[Deluxe]/01.flac");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("[Deluxe]");
    }

    @Test
    void largeBodiesAre413AndLongViolationListsAreCut() {
        StringBuilder models = new StringBuilder("{\"models\":[");
        for (int i = 0; i < 20_000; i++) {
            models.append(i == 0 ? "" : ",").append("\"nope").append(i).append('"');
        }
        String body = models.append("]}").toString();
        assertThat(body.length()).isGreaterThan(100_000);
        RawHttp.Answer answer = raw().send("POST", "/api/v1/batch/analyze/run",
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().length()).isLessThan(5_000);
        assertThat(answer.body()).contains("19990 more errors");
        byte[] huge = ("{\"models\":[\"" + "m".repeat(1_100_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
        assertThat(raw().send("POST", "/api/v1/batch/analyze/run", Map.of("Content-Type", "application/json"), huge)
                .status()).isEqualTo(413);
    }

    @Test
    void jsonErrorsNameNoJavaTypes() {
        RawHttp.Answer answer = raw().send("POST", "/api/v1/batch/analyze/run",
                Map.of("Content-Type", "application/json"), "\"x\"".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).doesNotContain("dev.sonority").doesNotContain("AnalyzeRequest");
    }

    @Test
    void crossOriginPostIsRefusedAndStartsNothing() {
        RawHttp.Answer answer = raw().send("POST", "/api/v1/batch/scan/run",
                Map.of("Origin", "https://evil.example", "Content-Type", "text/plain"), "x".getBytes());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM task").query(Long.class).single()).isZero();
        // Sola MPD's native request (no Origin, no body) still works
        assertThat(raw().send("POST", "/api/v1/batch/scan/run", Map.of(), null).status()).isEqualTo(200);
    }

    @Test
    void foreignHostIsRefusedAndApiDocsNameAFixedServer() {
        assertThat(raw().send("GET", "/v3/api-docs", Map.of("Host", "evil.example"), null).status()).isEqualTo(403);
        RawHttp.Answer docs = raw().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(JSON.readTree(docs.body()).get("servers").get(0).get("url").asString()).isEqualTo("/");
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        RawHttp.Answer answer = raw().send("DELETE", "/api/v1/stats", Map.of(), null);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("GET");
        assertThat(answer.body()).contains("\"detail\"");
    }

    @Test
    void errorPathIs404() {
        assertThat(raw().get("/error").status()).isEqualTo(404);
    }

    private RawHttp raw() {
        return RawHttp.local(port);
    }

    /** Every operation of the OpenAPI document (path variables filled in), plus Lainbow's /health. */
    private List<String[]> endpoints() {
        JsonNode paths = JSON.readTree(raw().get("/v3/api-docs").body()).get("paths");
        List<String[]> endpoints = new java.util.ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                endpoints.add(new String[] {method.toUpperCase(java.util.Locale.ROOT),
                        path.replaceAll("\\{[^}]+}", "1")});
            }
        }
        endpoints.add(new String[] {"GET", "/health"});
        endpoints.add(new String[] {"GET", "/actuator/health"});
        assertThat(endpoints).hasSizeGreaterThan(15);
        return endpoints;
    }
}
