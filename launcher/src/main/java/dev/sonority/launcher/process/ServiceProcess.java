package dev.sonority.launcher.process;

import dev.sonority.launcher.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running service: its process, its log, waiting until it is ready, and stopping it gracefully. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ServiceSpec spec;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts {@code java <options> -jar <jar>} with the JDK that runs the launcher, output appended to the log file. */
    public static ServiceProcess start(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString()); // own session: a Ctrl-C in the terminal reaches only the launcher, which stops us in order
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.jar().toString());
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(), "=== " + Instant.now() + " ./sonority starts " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(spec.environment());
            return new ServiceProcess(spec, builder.start());
        } catch (IOException e) {
            throw new LauncherException("Could not start " + spec.name() + ": " + e.getMessage(), "Check " + spec.logFile() + ".", e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /**
     * Waits until the service answers 200 on its health path (or opens its port, without one), asked where it
     * listens ({@link BindAddress#reachableAt()}); fails with the end of its log if it exits first or
     * {@code timeout} passes.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LauncherException(spec.name() + " exited during startup (exit code " + process.exitValue()
                        + "). Last lines of " + spec.logFile() + ":\n" + tail(25), "Fix the cause above and run ./sonority up again.");
            }
            if (ready()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new LauncherException(spec.name() + " did not become ready on " + spec.bind().withPort(spec.port()) + " within "
                + timeout.toSeconds() + " s. Last lines of " + spec.logFile() + ":\n" + tail(25), "See " + spec.logFile() + ".");
    }

    /** SIGTERM (Spring Boot then shuts down gracefully), and SIGKILL if it is still running after {@code grace}. */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Appends a line of the launcher's own to the service's log ({@code === time line}); never fails. */
    public void note(String line) {
        try {
            Files.writeString(spec.logFile(), "=== " + Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the terminal says the same; a log that cannot be written must not stop a restart
        }
    }

    /** The exit code of a process that has ended, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The last {@code lines} lines of the log, indented. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
            return "    " + String.join("\n    ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "    (log unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean ready() {
        if (spec.healthPath() == null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(spec.bind().reachableAt(), spec.port()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(spec.url().resolve(spec.healthPath()))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted while waiting for " + spec.name() + ".", "");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted during startup.", "");
        }
    }
}
