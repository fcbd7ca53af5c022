package dev.sonority.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.api.support.Http;
import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** RabbitMQ unreachable (a closed local port): the API starts, says so, and fails submissions cleanly. */
@SpringBootTest(classes = SonorityApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sonority.api.stats.max-age=0s")
@DirtiesContext
class BrokerOutageIT {

    static final TestDatabase DB = TestDatabase.create();
    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DB.register(registry::add);
        registry.add("spring.rabbitmq.addresses", () -> "amqp://guest:guest@127.0.0.1:" + CLOSED_PORT);
        registry.add("sonority.queues.prefix", () -> "sonority_test_outage");
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void submissionsFailWith500AndTheTaskRecordsWhy() {
        Http http = new Http(port);
        for (String kind : new String[] {"scan", "scan", "vacuum", "analyze"}) {
            Http.Response response = http.post("/api/v1/batch/" + kind + "/run");
            assertThat(response.status()).as(kind).isEqualTo(500);
            assertThat(response.json().propertyNames()).containsExactly("detail");
            assertThat(response.json().get("detail").asString())
                    .startsWith("Failed to enqueue " + kind + " task. Error: ").contains("Connection refused");
        }
        // the failed tasks free their type (the second scan was not SKIPPED) and say why
        JsonNode tasks = http.get("/api/v1/tasks?type=scan").json().get("tasks");
        assertThat(tasks.size()).isEqualTo(2);
        for (JsonNode task : tasks) {
            assertThat(task.get("status").asString()).isEqualTo("FAILURE");
            assertThat(task.get("error").asString()).contains("Connection refused");
            assertThat(task.get("finished_at").isNull()).isFalse();
            JsonNode lainbow = http.get("/api/v1/batch/tasks/" + task.get("id").asString()).json();
            assertThat(lainbow.get("traceback").asString()).contains("Connection refused");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE status <> 'FAILURE'").query(Long.class).single()).isZero();
    }

    @Test
    void healthNamesTheBrokerAndDatabaseWorkStillAnswers() {
        Http http = new Http(port);
        Http.Response health = http.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"degraded\",\"database\":\"up\",\"broker\":\"down\"}");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/songs").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/tasks/" + UUID.randomUUID() + "/cancel").status()).isEqualTo(405);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
