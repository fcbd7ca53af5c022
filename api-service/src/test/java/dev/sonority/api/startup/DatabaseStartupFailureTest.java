package dev.sonority.api.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.model.testing.StartupFailures;
import dev.sonority.testing.TestBroker;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The real API, started against a PostgreSQL that never answers, waits {@code database-wait}, then fails its
 * start; the analysis names the URL (not its password), the wait, the variable to fix and the command that
 * starts the server.
 */
class DatabaseStartupFailureTest {

    @Test
    void anUnreachableDatabaseFailsTheStartAfterTheWaitSayingWhatToDo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestBroker broker = TestBroker.create();

        FailureAnalysis analysis = StartupFailures.analysisOf(new SpringApplication(SonorityApiApplication.class),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/sonority?password=secret-pw",
                "--sonority.api.startup.database-wait=1s", "--sonority.api.startup.database-retry-interval=200ms",
                "--spring.rabbitmq.addresses=" + broker.url(), "--sonority.queues.prefix=" + broker.prefix(),
                "--server.port=0", "--spring.main.banner-mode=off");

        assertThat(analysis.getDescription())
                .contains("PostgreSQL at jdbc:postgresql://127.0.0.1:" + closed + "/sonority could not be reached")
                .contains("database-wait = 1s").doesNotContain("secret-pw");
        assertThat(analysis.getAction()).contains("DATABASE_URL")
                .contains("docker compose -f docker-compose.database.yaml up -d postgres");
    }
}
