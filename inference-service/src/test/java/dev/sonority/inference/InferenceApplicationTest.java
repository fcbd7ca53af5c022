package dev.sonority.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The whole service starts with no database and no broker (DATABASE_URL and RABBITMQ_URL point at closed
 * ports) and answers the actuator endpoints the Docker HEALTHCHECK and Prometheus use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DATABASE_URL=jdbc:postgresql://127.0.0.1:1/nothing", "RABBITMQ_URL=amqp://guest:guest@127.0.0.1:1",
        "MODELS_INSTALL_BUNDLED=false"}) // MODELS_DIR is ./models of the module here: leave it empty
class InferenceApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthLivenessAndReadinessAreUpWithoutDatabaseOrBroker() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
        assertThat(context.containsBean("rabbitConnectionFactory")).isFalse();
    }

    @Test
    void prometheusScrapeHasJvmAndHttpMetrics() throws Exception {
        get("/v1/models"); // produce one http_server_requests sample
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
