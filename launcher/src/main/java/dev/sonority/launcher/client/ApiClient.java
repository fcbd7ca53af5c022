package dev.sonority.launcher.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api-service endpoints the launcher uses: start scan/analyze, read tasks, stats and one song, and manage API
 * keys. With a key ({@link #withKey}), every request sends it as {@code Authorization: Bearer}.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param base e.g. {@code http://127.0.0.1:8000} */
    public ApiClient(URI base) {
        this(base, null);
    }

    private ApiClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The same API, authenticated by {@code key} (AUTH_MODE=keys); null: none. */
    public ApiClient withKey(String key) {
        return new ApiClient(base, key);
    }

    public URI base() {
        return base;
    }

    /** {@code POST /api/v1/batch/{type}/run} with no body; type is scan, vacuum or analyze. */
    public TaskSnapshot run(String type) {
        return TaskSnapshot.of(send(HttpRequest.newBuilder(uri("/api/v1/batch/" + type + "/run"))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    public TaskSnapshot task(String id) {
        return TaskSnapshot.of(send(HttpRequest.newBuilder(uri("/api/v1/batch/tasks/" + id)).GET()));
    }

    /** {@code GET /api/v1/tasks?status=&type=}; the list may come bare or wrapped in a paging object. */
    public List<TaskSnapshot> tasks(String status, String type) {
        StringBuilder query = new StringBuilder("/api/v1/tasks?limit=50&status=").append(encode(status));
        if (type != null) {
            query.append("&type=").append(encode(type));
        }
        List<TaskSnapshot> tasks = new ArrayList<>();
        for (JsonNode item : items(send(HttpRequest.newBuilder(uri(query.toString())).GET()), "items", "tasks", "content", "data")) {
            tasks.add(TaskSnapshot.of(item));
        }
        return tasks;
    }

    public JsonNode stats() {
        return send(HttpRequest.newBuilder(uri("/api/v1/stats")).GET());
    }

    /** The id (MPD path) of some analysed song, for the example requests; empty if the list is empty or unknown. */
    public Optional<String> anySongPath() {
        try {
            for (JsonNode song : items(send(HttpRequest.newBuilder(uri("/api/v1/songs?limit=1&status=COMPLETED")).GET()),
                    "songs", "items", "content", "data")) {
                JsonNode path = song.has("file_path") ? song.get("file_path") : song.path("id");
                if (path.isString()) {
                    return Optional.of(path.asString());
                }
            }
        } catch (ApiException e) {
            // only used for an example; a placeholder does
        }
        return Optional.empty();
    }

    /** {@code POST /api/v1/keys}: the new key's fields, {@code key} included (the only time it is shown). */
    public JsonNode createKey(String name, String role) {
        String body = JSON.writeValueAsString(java.util.Map.of("name", name, "role", role));
        return send(HttpRequest.newBuilder(uri("/api/v1/keys")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** {@code GET /api/v1/keys}: every key's id, name, role, creation and revocation time. */
    public JsonNode listKeys() {
        return send(HttpRequest.newBuilder(uri("/api/v1/keys")).GET());
    }

    /** {@code DELETE /api/v1/keys/{id}}. */
    public void revokeKey(String keyId) {
        send(HttpRequest.newBuilder(uri("/api/v1/keys/" + URLEncoder.encode(keyId, StandardCharsets.UTF_8)
                .replace("+", "%20"))).DELETE());
    }

    private static Iterable<JsonNode> items(JsonNode body, String... wrappers) {
        if (body.isArray()) {
            return body;
        }
        for (String field : wrappers) {
            if (body.path(field).isArray()) {
                return body.get(field);
            }
        }
        return List.of();
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(built.method() + " " + built.uri() + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted", 0, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body(), response.statusCode(), null);
        }
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
