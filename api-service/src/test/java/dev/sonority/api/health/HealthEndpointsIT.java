package dev.sonority.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import org.junit.jupiter.api.Test;

class HealthEndpointsIT extends ApiIntegrationTest {

    @Test
    void healthIsExactlyLainbowsBodyWhenEverythingIsUp() {
        for (String path : new String[] {"/health", "//health"}) {
            Http.Response response = http().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void actuatorProbesMetricsAndOpenApiAnswer() {
        Http.Response liveness = http().get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        Http.Response readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("db")).isTrue();
        assertThat(readiness.json().get("components").has("rabbit")).isTrue();

        http().get("/api/v1/stats");
        Http.Response prometheus = http().get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");

        Http.Response openApi = http().get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("openapi").asString()).startsWith("3.");
        assertThat(openApi.json().get("paths").propertyNames()).contains("/health", "/api/v1/stats",
                "/api/v1/batch/scan/run", "/api/v1/batch/analyze/run", "/api/v1/batch/tasks/{task_id}",
                "/api/v1/tasks", "/api/v1/tasks/{task_id}/cancel", "/api/v1/songs", "/api/v1/dead-letters");
    }

    @Test
    void unknownPathsAnswerFastApisNotFound() {
        Http.Response response = http().get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }
}
