package dev.sonority.api.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.model.testing.StartupFailures;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The real API, started against a PostgreSQL that never answers, waits {@code STARTUP_DEPENDENCY_WAIT}, then fails its
 * start; the analysis names the URL (not its password), the wait, the variable to fix and the command that
 * starts the server. The same for a selected Qdrant that never answers.
 */
class DatabaseStartupFailureTest {

    @Test
    void anUnreachableDatabaseFailsTheStartAfterTheWaitSayingWhatToDo() throws IOException {
        int closed = closedPort();
        TestBroker broker = TestBroker.create();

        FailureAnalysis analysis = StartupFailures.analysisOf(new SpringApplication(SonorityApiApplication.class),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/sonority?password=secret-pw",
                "--sonority.startup.dependency-wait=1s", "--sonority.startup.retry-interval=200ms",
                "--spring.rabbitmq.addresses=" + broker.url(), "--sonority.queues.prefix=" + broker.prefix(),
                "--server.port=0", "--spring.main.banner-mode=off");

        assertThat(analysis.getDescription())
                .contains("PostgreSQL at jdbc:postgresql://127.0.0.1:" + closed + "/sonority could not be reached")
                .contains("within 1s (STARTUP_DEPENDENCY_WAIT)").doesNotContain("secret-pw");
        assertThat(analysis.getAction()).contains("DATABASE_URL")
                .contains("docker compose -f docker-compose.database.yaml up -d postgres");
    }

    @Test
    void aSelectedQdrantThatNeverAnswersFailsTheStartAfterTheWait() throws IOException {
        int closed = closedPort();
        TestBroker broker = TestBroker.create();
        try (TestDatabase db = TestDatabase.create()) {
            FailureAnalysis analysis = StartupFailures.analysisOf(
                    new SpringApplication(SonorityApiApplication.class),
                    "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                    "--sonority.vector-store.kind=qdrant",
                    "--sonority.vector-store.qdrant.url=http://127.0.0.1:" + closed,
                    "--sonority.startup.dependency-wait=1s", "--sonority.startup.retry-interval=200ms",
                    "--spring.rabbitmq.addresses=" + broker.url(), "--sonority.queues.prefix=" + broker.prefix(),
                    "--server.port=0", "--spring.main.banner-mode=off");

            assertThat(analysis.getDescription()).contains("Qdrant at http://127.0.0.1:" + closed)
                    .contains("did not answer within 1s");
            assertThat(analysis.getAction()).contains("QDRANT_URL").contains("VECTOR_STORE=embedded");
        }
    }

    /** A port nothing listens on: taken from the system, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
