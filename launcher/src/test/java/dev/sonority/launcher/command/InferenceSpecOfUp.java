package dev.sonority.launcher.command;

import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.cli.OptionsParser;
import dev.sonority.launcher.infra.BrokerEndpoint;
import dev.sonority.launcher.infra.DatabaseEndpoint;
import dev.sonority.launcher.infra.FreePorts;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.state.StateDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inference-service spec exactly as {@code up} builds it (ServiceLineup, the launcher's own environment
 * inherited), for tests that run a real service process: it is the lightest one (no database, no broker).
 */
final class InferenceSpecOfUp {

    private InferenceSpecOfUp() {
    }

    /** With its state, music and models folders under {@code dir}, free ports, and {@code extraOptions}. */
    static ServiceSpec in(Path dir, List<String> extraOptions) throws IOException {
        Path project = Path.of(System.getProperty("sonority.project.dir"));
        List<String> args = new ArrayList<>(List.of("up", "--music", Files.createDirectories(dir.resolve("music")).toString(),
                "--data", dir.resolve("state").toString(), "--models-dir", dir.resolve("models").toString(),
                "--port", Integer.toString(FreePorts.pick()), "--inference-port", Integer.toString(FreePorts.pick()),
                "--worker-port", Integer.toString(FreePorts.pick())));
        args.addAll(extraOptions);
        LauncherOptions options = new OptionsParser(Map.of(), project).parse(args.toArray(String[]::new));
        // inference-service reads neither; the lineup needs them for the API and the worker
        DatabaseEndpoint noDatabase = new DatabaseEndpoint("jdbc:postgresql://127.0.0.1:1/unused", "unused", "", "unused");
        BrokerEndpoint noBroker = new BrokerEndpoint("amqp://unused:unused@127.0.0.1:1", "unused");
        ServiceLineup lineup = new ServiceLineup(options, new StateDir(options.stateDir()), noDatabase, noBroker, System.getenv());
        return lineup.backends().stream().filter(s -> s.name().equals("inference")).findFirst().orElseThrow();
    }
}
