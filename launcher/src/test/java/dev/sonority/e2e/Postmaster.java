package dev.sonority.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kills a PostgreSQL server the way a crash or the OOM killer does: SIGKILL to its postmaster, whose pid is
 * the first line of {@code postmaster.pid} in the data directory (zonky starts it through {@code pg_ctl}, so
 * it is no child of this JVM). Returns only once a server can be started on the same directory again.
 */
final class Postmaster {

    private Postmaster() {
    }

    /**
     * Two things would make the next start fail. The postmaster's children (backends, checkpointer, ...)
     * outlive it until they notice it is gone, and a new postmaster refuses a shared-memory block that old
     * processes are still attached to; so each is awaited. And the killed postmaster stays a zombie until
     * PID 1, its new parent, reaps it: PostgreSQL checks {@code postmaster.pid} with {@code kill(pid, 0)},
     * which succeeds on a zombie ("lock file already exists"), while Java already reports it gone; so its
     * {@code /proc} entry is awaited as well.
     */
    static void kill(Path dataDir, Duration within) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid + " is running"));
        List<ProcessHandle> children = postmaster.descendants().toList();
        if (!postmaster.destroyForcibly()) {
            throw new IllegalStateException("SIGKILL could not be sent to the postmaster " + pid);
        }
        await("the postmaster's children exit").atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        await("the killed postmaster " + pid + " is reaped by PID 1").atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> !Files.exists(Path.of("/proc", Long.toString(pid))));
    }
}
