package dev.sonority.launcher.cli;

import dev.sonority.launcher.process.BindAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed command line, with environment defaults applied and every path absolute.
 *
 * @param command the subcommand
 * @param projectDir the repository root (where the service jars are built)
 * @param stateDir where embedded PostgreSQL, the broker store, logs and the run file live
 * @param musicDir the library root ({@code up} only; null otherwise)
 * @param modelsDir the models directory handed to the inference service
 * @param ports the three service ports
 * @param bind the address the API listens on ({@code up} only; null otherwise); the other services always
 *     listen on loopback
 * @param model the model of {@code models pull NAME} (null for other commands)
 * @param pull the models {@code up --models a,b} downloads when missing before analysing (empty: none)
 * @param acceptLicence {@code --accept-licence} or MODELS_ACCEPT_LICENCE=true: non-commercial weights may be
 *     downloaded
 * @param file the library file of {@code export FILE} and {@code import FILE} (null for other commands)
 */
public record LauncherOptions(Command command, Path projectDir, Path stateDir, Path musicDir, Path modelsDir,
        ServicePorts ports, BindAddress bind, String model, List<String> pull, boolean acceptLicence, Path file) {

    public LauncherOptions(Command command, Path projectDir, Path stateDir, Path musicDir, Path modelsDir,
            ServicePorts ports, BindAddress bind, String model, List<String> pull, boolean acceptLicence) {
        this(command, projectDir, stateDir, musicDir, modelsDir, ports, bind, model, pull, acceptLicence, null);
    }

    public LauncherOptions(Command command, Path projectDir, Path stateDir, Path musicDir, Path modelsDir,
            ServicePorts ports, BindAddress bind) {
        this(command, projectDir, stateDir, musicDir, modelsDir, ports, bind, null, List.of(), false, null);
    }

    /** The HTTP ports of api-service, inference-service and the batch-worker's actuator. */
    public record ServicePorts(int api, int inference, int worker) {
    }
}
