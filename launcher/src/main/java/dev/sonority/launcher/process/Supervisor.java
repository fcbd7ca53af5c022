package dev.sonority.launcher.process;

import dev.sonority.launcher.LauncherException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The started services, in start order. A service that exits on its own (after startup) is started again
 * under its {@link RestartPolicy} — a worker that crashes on a hostile file must not take the API down — and
 * the instance is stopped only when a service keeps dying; stops them all in reverse order.
 */
public final class Supervisor {

    /** What the supervisor tells the launcher; called on the supervisor's own threads. */
    public interface Listener {

        /** {@code service} died; it is started again after {@code decision.pause()}. */
        void restarting(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy);

        /** The service is up again as {@code replacement}. */
        void restarted(ServiceProcess replacement);

        /** {@code service} died once too often within the policy's window; nothing more is restarted. */
        void gaveUp(ServiceProcess service, RestartPolicy.Decision decision, RestartPolicy policy);
    }

    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> restarts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, RestartPolicy> policies = new ConcurrentHashMap<>();
    private final Listener listener;
    private final Supplier<RestartPolicy> policyFactory;
    private final Duration startupTimeout;
    private volatile boolean stopping;

    /**
     * @param policyFactory one policy per service
     * @param startupTimeout how long a restarted service may take to become ready (a miss counts as a death)
     */
    public Supervisor(Listener listener, Supplier<RestartPolicy> policyFactory, Duration startupTimeout) {
        this.listener = listener;
        this.policyFactory = policyFactory;
        this.startupTimeout = startupTimeout;
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
        started.forEach(this::watch);
    }

    public List<ServiceProcess> services() {
        synchronized (services) {
            return List.copyOf(services);
        }
    }

    /** How often each service was restarted so far, by name. */
    public Map<String, Integer> restarts() {
        synchronized (restarts) {
            return Map.copyOf(restarts);
        }
    }

    private void watch(ServiceProcess service) {
        service.process().onExit().thenRun(() -> {
            if (!stopping) {
                Thread.ofVirtual().name("sonority-restart-" + service.spec().name()).start(() -> restart(service));
            }
        });
    }

    /** Restarts a dead service until it is ready, as long as its policy allows; a failed start is another death. */
    private void restart(ServiceProcess dead) {
        RestartPolicy policy = policies.computeIfAbsent(dead.spec().name(), name -> policyFactory.get());
        ServiceProcess current = dead;
        while (!stopping) {
            RestartPolicy.Decision decision = policy.died();
            if (!decision.restart()) {
                current.note("exited (exit code " + current.exitCode() + "), death " + decision.deathsInWindow()
                        + " within " + policy.window().toMinutes() + " min: ./sonority does not restart it again");
                listener.gaveUp(current, decision, policy);
                return;
            }
            current.note("exited (exit code " + current.exitCode() + "); ./sonority restarts it in "
                    + decision.pause().toMillis() + " ms");
            listener.restarting(current, decision, policy);
            try {
                Thread.sleep(decision.pause());
            } catch (InterruptedException e) {
                return;
            }
            ServiceProcess replacement;
            synchronized (services) {
                if (stopping) {
                    return;
                }
                replacement = ServiceProcess.start(current.spec());
                services.set(services.indexOf(current), replacement);
                restarts.merge(current.spec().name(), 1, Integer::sum);
            }
            try {
                replacement.awaitReady(startupTimeout);
            } catch (LauncherException notReady) {
                replacement.stop(Duration.ofSeconds(5));
                current = replacement;
                continue;
            }
            replacement.note("./sonority restarted " + replacement.spec().name() + " (pid " + replacement.pid() + ")");
            listener.restarted(replacement);
            watch(replacement);
            return;
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
