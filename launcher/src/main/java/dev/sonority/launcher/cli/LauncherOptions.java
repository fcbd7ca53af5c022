package dev.sonority.launcher.cli;

import java.nio.file.Path;

/**
 * A parsed command line, with environment defaults applied and every path absolute.
 *
 * @param command the subcommand
 * @param projectDir the repository root (where the service jars are built)
 * @param stateDir where embedded PostgreSQL, the broker store, logs and the run file live
 * @param musicDir the library root ({@code up} only; null otherwise)
 * @param modelsDir the models directory handed to the inference service
 * @param ports the three service ports
 * @param model the model of {@code models pull NAME} (null for other commands)
 */
public record LauncherOptions(Command command, Path projectDir, Path stateDir, Path musicDir, Path modelsDir,
        ServicePorts ports, String model) {

    public LauncherOptions(Command command, Path projectDir, Path stateDir, Path musicDir, Path modelsDir,
            ServicePorts ports) {
        this(command, projectDir, stateDir, musicDir, modelsDir, ports, null);
    }

    /** The HTTP ports of api-service, inference-service and the batch-worker's actuator. */
    public record ServicePorts(int api, int inference, int worker) {
    }
}
