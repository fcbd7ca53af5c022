package dev.sonority.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.launcher.cli.Command;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.cli.LauncherOptions.ServicePorts;
import dev.sonority.launcher.infra.BrokerEndpoint;
import dev.sonority.launcher.infra.DatabaseEndpoint;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment every service gets uses exactly the variable names of the runtime contract (docs/configuration.md). */
class ServiceLineupTest {

    private static final LauncherOptions OPTIONS = new LauncherOptions(Command.UP, Path.of("/repo"), Path.of("/repo/.sonority"),
            Path.of("/srv/music"), Path.of("/repo/models"), new ServicePorts(9000, 9001, 9002));
    private static final DatabaseEndpoint DATABASE = new DatabaseEndpoint("jdbc:postgresql://127.0.0.1:5999/sonority", "postgres", "", "db");
    private static final BrokerEndpoint BROKER = new BrokerEndpoint("amqp://guest:guest@127.0.0.1:5998", "broker");

    @Test
    void contractVariables() {
        Map<String, String> env = ServiceLineup.environment(OPTIONS, DATABASE, BROKER, Map.of("LANG", "en_GB.UTF-8"));
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
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
}
