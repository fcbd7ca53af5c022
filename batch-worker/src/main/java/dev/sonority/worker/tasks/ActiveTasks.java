package dev.sonority.worker.tasks;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The tasks this worker is working on right now (a scan, a fan-out, the batches of an analyze task), counted
 * per task so concurrent batches of one task share a single entry. {@link TaskHeartbeat} keeps their rows
 * fresh, which is how other workers know they are not orphans.
 */
@Component
public class ActiveTasks {

    private final ConcurrentHashMap<UUID, AtomicInteger> active = new ConcurrentHashMap<>();

    /** Marks the task active until the returned handle is closed. */
    public Handle enter(UUID taskId) {
        active.computeIfAbsent(taskId, id -> new AtomicInteger()).incrementAndGet();
        return () -> active.computeIfPresent(taskId, (id, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    public Set<UUID> ids() {
        return Set.copyOf(active.keySet());
    }

    /** Closing it ends this worker's part in the task. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
