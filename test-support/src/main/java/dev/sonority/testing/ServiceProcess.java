package dev.sonority.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Sonority service jar running as a real child process (so a test can kill it with SIGKILL, as a crash or
 * an OOM killer would), with its log in a file that failures print.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(Path jar, Map<String, String> environment, Path log) throws IOException {
        return start(jar, List.of("-Xmx512m"), environment, log);
    }

    /** Starts {@code java <jvmOptions> -jar jar} with the given environment added to this process's. */
    public static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the module's package phase first");
        }
        List<String> arguments = new java.util.ArrayList<>(jvmOptions);
        arguments.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        return java(arguments, environment, log);
    }

    /**
     * Starts {@code mainClass} of this JVM's class path in a process of its own, for a part of the system a
     * test must be able to kill with SIGKILL although it normally runs inside another JVM (the embedded broker).
     */
    public static ServiceProcess startMain(Class<?> mainClass, List<String> arguments, Map<String, String> environment,
            Path log) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(arguments);
        return java(command, environment, log);
    }

    private static ServiceProcess java(List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(builder.start(), log);
    }

    /** Waits until {@code url} answers 200, or fails with the end of the log. */
    public void awaitHealthy(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        awaitReady("healthy at " + url, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        }, timeout);
    }

    /**
     * Waits until {@code probe} answers true (a service without an HTTP health check), or fails with the end of
     * the log; a process that exits meanwhile fails the wait at once.
     */
    public void awaitReady(String what, Callable<Boolean> probe, Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + tail());
                }
                return probe.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("service not " + what + " after " + timeout + ":\n" + tail(), e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, unacknowledged messages go back to the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
