package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.InferenceClient;
import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.client.TaskSnapshot;
import dev.sonority.launcher.process.RestartPolicy;
import dev.sonority.launcher.process.ServiceProcess;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.process.Supervisor;
import dev.sonority.launcher.progress.ProgressDisplay;
import dev.sonority.launcher.progress.TaskFollower;
import dev.sonority.launcher.state.RunFile;
import dev.sonority.launcher.state.StateDir;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: infrastructure, api-service (which migrates the schema), inference-service and batch-worker;
 * then a scan and an analysis with progress; then serve until Ctrl-C. A service that dies is restarted by the
 * {@link Supervisor} (the others keep running); only one that keeps dying stops the instance. The shutdown hook, registered before
 * anything starts, stops what was started in reverse order, whether Ctrl-C, {@code stop} or a failure ends
 * the run.
 */
public final class UpCommand {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherOptions options;
    private final StateDir state;
    private final Map<String, String> env;
    private final PrintStream out = System.out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String startedAt = Instant.now().toString();
    private final Supervisor supervisor = new Supervisor(new Restarts(), RestartPolicy::standard, STARTUP_TIMEOUT);
    private volatile URI apiUrl;
    private volatile Infrastructure infrastructure;
    /** Set first thing by the shutdown hook: from then on the main thread only waits for it to finish. */
    private volatile boolean shuttingDown;

    public UpCommand(LauncherOptions options, Map<String, String> env) {
        this.options = options;
        this.state = new StateDir(options.stateDir());
        this.env = env;
    }

    public int run() throws InterruptedException {
        RunFile.readLive(state.runFile()).ifPresent(run -> {
            throw new LauncherException("Sonority is already running on " + state.root() + " (pid " + run.pid()
                    + ", API " + run.apiUrl() + ").", "Use ./sonority status, or ./sonority stop first.");
        });
        ServiceLineup.requireFreePorts(options);
        ServiceLineup.requireJars(options.projectDir());
        out.println("Sonority: music " + options.musicDir() + ", state " + state.root());
        out.println(ApiExposure.describe(options.bind(), options.ports().api(),
                "keys".equalsIgnoreCase(env.getOrDefault("AUTH_MODE", "").strip())));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sonority-shutdown"));

        try {
            startAndProcessLibrary();
        } catch (LauncherException | ApiException e) {
            if (!shuttingDown) {
                throw e;
            } // else: a failure caused by Ctrl-C stopping the services under us; the hook reports what it stopped
        }
        stopped.await();
        return shuttingDown ? 130 : 0;
    }

    private void startAndProcessLibrary() throws InterruptedException {
        infrastructure = new Infrastructure(env, state, out);
        infrastructure.start();
        ServiceLineup lineup = new ServiceLineup(options, state, infrastructure.database(), infrastructure.broker(), env);
        ServiceSpec apiSpec = lineup.api();
        long start = System.nanoTime();
        out.println("  starting api-service on " + options.bind().withPort(options.ports().api()) + " (applies database migrations) ...");
        supervisor.startAndAwait(java.util.List.of(apiSpec), STARTUP_TIMEOUT);
        out.println("  starting inference-service (port " + options.ports().inference() + ") and batch-worker (port "
                + options.ports().worker() + ") ...");
        supervisor.startAndAwait(lineup.backends(), STARTUP_TIMEOUT);
        out.printf("  services up in %.1f s; logs in %s%n", (System.nanoTime() - start) / 1e9, state.logs());
        apiUrl = apiSpec.url(); // where the launcher, status and the printed examples reach it on this machine
        writeRunFile();
        pullMissingModels();

        ApiClient api = new ApiClient(apiUrl);
        TaskRunner runner = new TaskRunner(api, new TaskFollower(api, ProgressDisplay.forStdout(), Duration.ofMillis(500), () -> shuttingDown));
        out.println();
        try {
            TaskSnapshot scan = runner.runAndFollow(TaskKind.SCAN);
            TaskSnapshot analyze = scan.succeeded() && !shuttingDown ? runner.runAndFollow(TaskKind.ANALYZE) : null;
            if (!shuttingDown) {
                LibrarySummary.print(out, api, scan, analyze);
            }
        } catch (ApiException e) {
            if (!shuttingDown) {
                throw new LauncherException("The API stopped answering: " + e.getMessage(), "See " + state.log("api") + ".", e);
            }
        }
    }

    /**
     * {@code --models a,b}: downloads each model that is not installed yet through the inference-service just
     * started (so the analysis that follows stores its vectors); without {@code --models} nothing is downloaded.
     */
    private void pullMissingModels() throws InterruptedException {
        if (options.pull().isEmpty()) {
            return;
        }
        ModelPuller puller = new ModelPuller(new InferenceClient(BindAddress.LOOPBACK.url(options.ports().inference())),
                options.acceptLicence(), out);
        for (String model : options.pull()) {
            if (puller.installed(model)) {
                out.println("  model " + model + " is installed");
                continue;
            }
            ModelPuller.Outcome outcome = puller.pull(model);
            if (outcome == ModelPuller.Outcome.LICENCE_NOT_ACCEPTED) {
                throw new LauncherException("Model " + model + " was not downloaded: its licence was not accepted.",
                        "Rerun with --accept-licence (or MODELS_ACCEPT_LICENCE=true) to accept it, or leave "
                                + model + " out of --models.");
            }
            if (outcome != ModelPuller.Outcome.INSTALLED) {
                throw new LauncherException("Model " + model + " could not be downloaded (see above).",
                        "Rerun ./sonority up: the download resumes where it stopped.");
            }
        }
    }

    private void writeRunFile() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : supervisor.services()) {
            pids.put(service.spec().name(), service.pid());
        }
        try {
            new RunFile(ProcessHandle.current().pid(), apiUrl.toString(), pids, startedAt, supervisor.restarts())
                    .write(state.runFile());
        } catch (IOException e) {
            out.println("  (could not write " + state.runFile() + ": " + e.getMessage() + "; ./sonority status will not find this run)");
        }
    }

    /**
     * Says in the terminal what the supervisor does about a service that died (it notes the same in the
     * service's log), keeps
     * {@code run.json} current (pids, restarts), and stops the instance when a service keeps dying.
     */
    private final class Restarts implements Supervisor.Listener {

        @Override
        public void restarting(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy) {
            String line = service.spec().name() + " exited unexpectedly (exit code " + service.exitCode()
                    + "); restarting it in " + decision.pause().toSeconds() + " s (death " + decision.deathsInWindow()
                    + " of at most " + policy.maxRestarts() + " restarted within " + policy.window().toMinutes()
                    + " min)";
            out.println();
            out.println("sonority: " + line + ". Last lines of " + service.spec().logFile() + ":");
            out.println(service.tail(10));
        }

        @Override
        public void restarted(ServiceProcess replacement) {
            out.println("sonority: " + replacement.spec().name() + " is up again (pid " + replacement.pid() + ")");
            if (apiUrl != null) {
                writeRunFile();
            }
        }

        @Override
        public void gaveUp(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy) {
            String line = service.spec().name() + " exited unexpectedly (exit code " + service.exitCode() + ") for the "
                    + decision.deathsInWindow() + "th time within " + policy.window().toMinutes()
                    + " min; not restarting it again, stopping Sonority";
            out.println();
            out.println("sonority: " + line + ". Last lines of " + service.spec().logFile() + ":");
            out.println(service.tail(25));
            System.exit(1);
        }
    }

    /** Children first (SIGTERM, then SIGKILL after the grace period), then the broker, then PostgreSQL. */
    private void shutdown() {
        shuttingDown = true;
        if (supervisor.services().isEmpty() && infrastructure == null) {
            return;
        }
        out.println();
        out.println("Stopping Sonority ...");
        try {
            supervisor.stopAll(STOP_GRACE, out);
        } finally {
            try {
                if (infrastructure != null) {
                    infrastructure.close();
                }
                RunFile.readLive(state.runFile()).filter(r -> r.pid() == ProcessHandle.current().pid())
                        .ifPresent(r -> deleteQuietly());
            } finally {
                out.println("Stopped. A second ./sonority up resumes where this one stopped.");
                out.flush();
                stopped.countDown();
            }
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(state.runFile());
        } catch (IOException ignored) {
            // a stale run file is recognised by its dead pid
        }
    }
}
