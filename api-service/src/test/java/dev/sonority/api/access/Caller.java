package dev.sonority.api.access;

import dev.sonority.api.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests with any method, headers and JSON body against the API under test; the answer as {@link Http.Response}. */
final class Caller {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Caller(int port) {
        this.port = port;
    }

    Caller with(String name, String value) {
        Caller copy = new Caller(port);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    Caller bearer(String key) {
        return with("Authorization", "Bearer " + key);
    }

    Http.Response send(String method, String rawPath, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Http.Response get(String rawPath) {
        return send("GET", rawPath, null);
    }
}
