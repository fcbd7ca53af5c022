package dev.sonority.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.api.support.BrokerCleanup;
import dev.sonority.api.support.Http;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away while the API runs (the test database stops accepting connections and its sessions
 * are terminated), then comes back: 503s that name the database meanwhile, full service afterwards.
 */
@SpringBootTest(classes = SonorityApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sonority.api.stats.max-age=0s", "spring.datasource.hikari.connection-timeout=1000"})
@DirtiesContext
class DatabaseOutageIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DB.register(registry::add);
        MQ.register(registry::add);
    }

    @AfterAll
    static void drop() {
        allowConnections(true);
        DB.close();
        BrokerCleanup.delete(MQ);
    }

    @LocalServerPort
    int port;

    @Test
    void answers503NamingTheDatabaseAndRecoversWhenItReturns() throws Exception {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(http.get("/health").status()).isEqualTo(200);

        allowConnections(false);
        try {
            Http.Response health = http.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"degraded\",\"database\":\"down\",\"broker\":\"up\"}");

            Http.Response stats = http.get("/api/v1/stats");
            assertThat(stats.status()).isEqualTo(503);
            assertThat(stats.json().propertyNames()).containsExactly("detail");
            assertThat(stats.json().get("detail").asString()).startsWith("Database unavailable: ");

            Http.Response scan = http.post("/api/v1/batch/scan/run");
            assertThat(scan.status()).isEqualTo(503);
            assertThat(scan.json().get("detail").asString()).startsWith("Database unavailable: ");

            Http.Response songs = http.get("/api/v1/songs");
            assertThat(songs.status()).isEqualTo(503);
            assertThat(songs.contentType()).startsWith("application/problem+json");
            assertThat(http.get("/api/v1/tasks").status()).isEqualTo(503);
            assertThat(http.get("/api/v1/batch/tasks/00000000-0000-0000-0000-000000000001").status()).isEqualTo(503);
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            allowConnections(true);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/health").status() == 200);
        assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(http.get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/batch/scan/run").json().get("status").asString()).isEqualTo("PENDING");
    }

    /** Closes the database to new sessions and ends the open ones (or reopens it). */
    static void allowConnections(boolean allow) {
        try (Connection admin = DriverManager.getConnection(
                DB.jdbcUrl().replace("/" + DB.name(), "/postgres"), DB.username(), "");
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DB.name() + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + DB.name() + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
