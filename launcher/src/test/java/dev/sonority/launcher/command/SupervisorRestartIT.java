package dev.sonority.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.launcher.process.RestartPolicy;
import dev.sonority.launcher.process.ServiceProcess;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.process.Supervisor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor of {@code up} with a real service process (the packaged inference-service, as up starts it):
 * a service killed with SIGKILL is started again and answers again, the others untouched; one that keeps
 * dying within the policy's window is given up on, which is when up stops the instance.
 */
class SupervisorRestartIT {

    @TempDir
    Path dir;

    @Test
    void aKilledServiceIsRestartedAndOneThatKeepsDyingIsGivenUp() throws Exception {
        ServiceSpec spec = InferenceSpecOfUp.in(dir, List.of());
        List<String> events = new CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(new Supervisor.Listener() {
            @Override
            public void restarting(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy) {
                events.add("restarting " + service.spec().name() + " after exit " + service.exitCode());
            }

            @Override
            public void restarted(ServiceProcess replacement) {
                events.add("restarted " + replacement.spec().name());
            }

            @Override
            public void gaveUp(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy) {
                events.add("gave up on " + service.spec().name() + " after " + decision.deathsInWindow() + " deaths");
            }
        }, () -> new RestartPolicy(1, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofMillis(200),
                System::nanoTime), Duration.ofMinutes(2));
        try {
            supervisor.startAndAwait(List.of(spec), Duration.ofMinutes(2));
            ServiceProcess first = supervisor.services().getFirst();

            first.process().destroyForcibly(); // SIGKILL, as a native crash or the OOM killer would
            await().atMost(Duration.ofMinutes(3)).until(() -> events.contains("restarted inference"));
            ServiceProcess second = supervisor.services().getFirst();
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(second.isAlive()).isTrue();
            second.awaitReady(Duration.ofSeconds(10)); // answers its health check again
            assertThat(supervisor.restarts()).isEqualTo(Map.of("inference", 1));
            assertThat(events.getFirst()).isEqualTo("restarting inference after exit 137");
            assertThat(Files.readString(spec.logFile(), StandardCharsets.UTF_8))
                    .as("the service's log says it was restarted").contains("./sonority restarted inference");

            second.process().destroyForcibly();
            await().atMost(Duration.ofMinutes(1)).until(() -> events.contains("gave up on inference after 2 deaths"));
            assertThat(supervisor.restarts()).as("no restart after giving up").isEqualTo(Map.of("inference", 1));
            assertThat(supervisor.services().getFirst().isAlive()).isFalse();
        } finally {
            supervisor.stopAll(Duration.ofSeconds(20), new PrintStream(new ByteArrayOutputStream()));
        }
    }
}
