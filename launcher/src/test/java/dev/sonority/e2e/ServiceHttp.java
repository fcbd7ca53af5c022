package dev.sonority.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the end-to-end tests do over HTTP, as Sola MPD does it, and where they find the packaged jars. */
final class ServiceHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceHttp() {
    }

    /** The packaged jar of {@code module} (the failsafe run comes after every module's package phase). */
    static Path jar(Path project, String module) {
        return project.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    /** A POST as Sola MPD sends it: no body, no Content-Type; it must answer 200. */
    static JsonNode post(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A GET with no headers, whatever it answers. */
    static HttpResponse<String> send(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200. */
    static HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = send(url);
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return response;
    }

    static JsonNode getJson(String url) throws Exception {
        return JSON.readTree(get(url).body());
    }

    /**
     * Polls a submitted task until it is neither PENDING nor RUNNING, and answers it. The submission must have been
     * accepted; it may already be SUCCESS (the API reads the task back after the broker's confirm, and an idle
     * worker can finish a one-file vacuum before that).
     */
    static JsonNode awaitTask(String api, JsonNode submitted, Duration within) throws Exception {
        assertThat(submitted.path("status").asString()).as(submitted.toString()).isIn("PENDING", "RUNNING", "SUCCESS");
        String id = submitted.path("id").asString();
        return await("task " + id + " finished").atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> getJson(api + "/api/v1/batch/tasks/" + id),
                        task -> !task.path("status").asString().matches("PENDING|RUNNING"));
    }
}
