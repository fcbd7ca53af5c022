package dev.sonority.launcher.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inference-service endpoints {@code models pull} uses: read a model, start its download and follow it. */
public final class InferenceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param base e.g. {@code http://127.0.0.1:8001} */
    public InferenceClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** Whether something answers HTTP at {@code GET /v1/models} (false when nothing listens). */
    public boolean reachable() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/v1/models")).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code GET /v1/models}: the service's models directory is in {@code models_dir}. */
    public JsonNode models() {
        return send(HttpRequest.newBuilder(base.resolve("/v1/models")).GET());
    }

    /** {@code GET /v1/models/{name}}: one model's state, licence and files (404 for an unknown name). */
    public JsonNode model(String model) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/models/" + model)).GET());
    }

    /**
     * {@code POST /v1/models/{name}/download}: the download's status (202); 422 when the weights are
     * non-commercial and {@code acceptLicence} is false.
     */
    public JsonNode startDownload(String model, boolean acceptLicence) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/models/" + model + "/download"
                + (acceptLicence ? "?accept_licence=true" : ""))).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code GET /v1/models/{name}/download}. */
    public JsonNode download(String model) {
        return send(HttpRequest.newBuilder(base.resolve("/v1/models/" + model + "/download")).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
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
            String detail = response.body();
            try {
                JsonNode problem = JSON.readTree(detail);
                if (problem.path("detail").isString()) {
                    detail = problem.get("detail").asString();
                }
            } catch (RuntimeException e) {
                // not problem JSON: show the body as it is
            }
            throw new ApiException(detail, response.statusCode(), null);
        }
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }
}
