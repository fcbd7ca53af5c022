package dev.sonority.launcher.command;

import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.InferenceClient;
import dev.sonority.launcher.infra.FreePorts;
import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.process.ServiceJars;
import dev.sonority.launcher.process.ServiceProcess;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.state.StateDir;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code models pull NAME}: has inference-service download a model's files (its
 * {@code POST /v1/models/{name}/download}: resumable, sha256-checked, installed all at once) and shows the
 * progress. Uses the inference-service already listening on the inference port (a running {@code up}), or
 * starts one just for the download on a free port with the chosen MODELS_DIR, and stops it afterwards. One
 * downloader, in the service; the launcher only starts it and follows it. Exit code 0 when installed, 1 when
 * the download failed, 3 when the model's licence was not accepted (nothing was downloaded).
 */
public final class ModelsPullCommand {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final LauncherOptions options;
    private final String model;
    private final PrintStream out;

    public ModelsPullCommand(LauncherOptions options, String model, PrintStream out) {
        this.options = options;
        this.model = model;
        this.out = out;
    }

    public int run() throws InterruptedException {
        // up keeps inference-service on loopback whatever --bind says, so a running one is there
        InferenceClient running = new InferenceClient(BindAddress.LOOPBACK.url(options.ports().inference()));
        if (running.reachable()) {
            out.println("Using the inference-service at " + running.base() + " (models directory "
                    + running.models().path("models_dir").asString() + ").");
            return pull(running);
        }
        ServiceProcess service = startOwnService();
        try {
            return pull(new InferenceClient(service.spec().url()));
        } finally {
            service.stop(Duration.ofSeconds(20));
        }
    }

    private ServiceProcess startOwnService() {
        int port = FreePorts.pick();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MODELS_DIR", options.modelsDir().toString());
        env.put("INFERENCE_PORT", Integer.toString(port));
        env.put("MODELS_PRELOAD", "");
        ServiceSpec spec = new ServiceSpec("inference", ServiceJars.find(options.projectDir(), "inference-service"),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED"), env,
                BindAddress.LOOPBACK, port, "/actuator/health/readiness", new StateDir(options.stateDir()).log("inference-pull"));
        out.println("Starting inference-service for the download (models directory " + options.modelsDir()
                + ", log " + spec.logFile() + ") ...");
        ServiceProcess process = ServiceProcess.start(spec);
        try {
            process.awaitReady(STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        return process;
    }

    private int pull(InferenceClient inference) throws InterruptedException {
        return new ModelPuller(inference, options.acceptLicence(), out).pull(model).exitCode;
    }
}
