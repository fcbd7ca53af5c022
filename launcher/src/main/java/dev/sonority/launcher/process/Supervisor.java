package dev.sonority.launcher.process;

import dev.sonority.launcher.LauncherException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The started services, in start order. Reports a service that exits on its own (after startup) to a
 * listener, and stops them all in reverse order.
 */
public final class Supervisor {

    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<ServiceProcess> onUnexpectedExit;
    private volatile boolean stopping;

    /** @param onUnexpectedExit called (on another thread) when a service exits while nobody is stopping it */
    public Supervisor(Consumer<ServiceProcess> onUnexpectedExit) {
        this.onUnexpectedExit = onUnexpectedExit;
    }

    /** Starts the services together, then waits until each is ready; fails (leaving the started ones to {@link #stopAll}) if one is not. */
    public void startAndAwait(List<ServiceSpec> specs, Duration timeout) {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            synchronized (services) {
                if (stopping) {
                    throw new LauncherException("Stopping: " + spec.name() + " is not started.", "");
                }
                ServiceProcess service = ServiceProcess.start(spec);
                services.add(service);
                started.add(service);
            }
        }
        for (ServiceProcess service : started) {
            service.awaitReady(timeout);
        }
        for (ServiceProcess service : started) {
            service.process().onExit().thenRun(() -> {
                if (!stopping) {
                    onUnexpectedExit.accept(service);
                }
            });
        }
    }

    public List<ServiceProcess> services() {
        synchronized (services) {
            return List.copyOf(services);
        }
    }

    /** SIGTERM to each service, last started first, waiting up to {@code grace} for each. */
    public void stopAll(Duration grace, PrintStream out) {
        synchronized (services) {
            stopping = true;
        }
        List<ServiceProcess> reversed = new ArrayList<>(services());
        Collections.reverse(reversed);
        for (ServiceProcess service : reversed) {
            if (!service.isAlive()) {
                continue;
            }
            long start = System.nanoTime();
            boolean graceful = service.stop(grace);
            out.printf("  stopped %-9s (pid %d) %s in %.1f s%n", service.spec().name(), service.pid(),
                    graceful ? "gracefully" : "by SIGKILL after " + grace.toSeconds() + " s", (System.nanoTime() - start) / 1e9);
        }
    }
}
