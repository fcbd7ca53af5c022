package dev.sonority.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sonority.launcher.cli.Command;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.cli.LauncherOptions.ServicePorts;
import dev.sonority.launcher.infra.BrokerEndpoint;
import dev.sonority.launcher.infra.DatabaseEndpoint;
import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.state.StateDir;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment every service gets uses exactly the variable names of the runtime contract (docs/configuration.md),
 * and only the API listens where --bind says.
 */
class ServiceLineupTest {

    private static final LauncherOptions OPTIONS = new LauncherOptions(Command.UP, Path.of("/repo"), Path.of("/repo/.sonority"),
            Path.of("/srv/music"), Path.of("/repo/models"), new ServicePorts(9000, 9001, 9002), BindAddress.LOOPBACK);
    private static final DatabaseEndpoint DATABASE = new DatabaseEndpoint("jdbc:postgresql://127.0.0.1:5999/sonority", "postgres", "", "db");
    private static final BrokerEndpoint BROKER = new BrokerEndpoint("amqp://guest:guest@127.0.0.1:5998", "broker");

    @Test
    void contractVariables() {
        Map<String, String> env = ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("LANG", "en_GB.UTF-8"));
        Map<String, String> expected = new java.util.HashMap<>(Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:5999/sonority",
                "DATABASE_USERNAME", "postgres",
                "DATABASE_PASSWORD", "",
                "RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5998",
                "MUSIC_DIR", "/srv/music",
                "MODELS_DIR", "/repo/models",
                "API_PORT", "9000",
                "INFERENCE_PORT", "9001",
                "WORKER_PORT", "9002",
                "INFERENCE_URL", "http://127.0.0.1:9001"));
        expected.put("INFERENCE_WINDOWS", "8");
        assertThat(env).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aUtf8LocaleIsForcedOnlyWhenMissing() {
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of())).containsEntry("LC_ALL", "C.UTF-8");
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("LANG", "C"))).containsEntry("LC_ALL", "C.UTF-8");
        // LC_ALL wins over LANG, as in the C library
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("LC_ALL", "POSIX", "LANG", "C.UTF-8")))
                .containsEntry("LC_ALL", "C.UTF-8");
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("LC_ALL", "de_DE.utf8"))).doesNotContainKey("LC_ALL");
    }

    @TempDir
    Path project;

    @Test
    void theApiListensOnTheBindAddress() {
        ServiceSpec api = lineup(BindAddress.LOOPBACK, Map.of()).api();
        assertThat(api.environment()).containsEntry("BIND_ADDRESS", "127.0.0.1");
        assertThat(api.url()).isEqualTo(URI.create("http://127.0.0.1:9000"));

        ServiceSpec open = lineup(BindAddress.parse("0.0.0.0"), Map.of()).api();
        assertThat(open.environment()).containsEntry("BIND_ADDRESS", "0.0.0.0");
        assertThat(open.url()).as("the launcher asks a wildcard-bound API on loopback").isEqualTo(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void inferenceAndWorkerStayOnLoopbackWhateverBindSays() {
        // BIND_ADDRESS in the launcher's environment is inherited by every child: each spec must override it
        ServiceLineup lineup = lineup(BindAddress.parse("0.0.0.0"), Map.of("BIND_ADDRESS", "0.0.0.0"));
        assertThat(lineup.backends()).extracting(ServiceSpec::name, s -> s.environment().get("BIND_ADDRESS"), ServiceSpec::url)
                .containsExactly(tuple("inference", "127.0.0.1", URI.create("http://127.0.0.1:9001")),
                        tuple("worker", "127.0.0.1", URI.create("http://127.0.0.1:9002")));
        assertThat(lineup.backends()).allSatisfy(s -> assertThat(s.environment()).containsEntry("INFERENCE_URL", "http://127.0.0.1:9001"));
        assertThat(lineup.api().environment()).containsEntry("INFERENCE_URL", "http://127.0.0.1:9001");
    }

    @BeforeEach
    void jars() throws Exception {
        for (String module : new String[] {"api-service", "inference-service", "batch-worker"}) {
            Files.createDirectories(project.resolve(module + "/target"));
            Files.createFile(project.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar"));
        }
    }

    private ServiceLineup lineup(BindAddress bind, Map<String, String> launcherEnvironment) {
        LauncherOptions options = new LauncherOptions(Command.UP, project, project.resolve(".sonority"), Path.of("/srv/music"),
                project.resolve("models"), new ServicePorts(9000, 9001, 9002), bind);
        return new ServiceLineup(options, new StateDir(options.stateDir()), DATABASE, BROKER, launcherEnvironment);
    }

    @Test
    void upAnalysesWithTheMeasuredWindowDefaultUnlessTheUserSetsOne() {
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of())).containsEntry("INFERENCE_WINDOWS", "8");
        assertThat(ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("INFERENCE_WINDOWS", "all")))
                .doesNotContainKey("INFERENCE_WINDOWS"); // the inherited value reaches the worker as it is
    }
}
