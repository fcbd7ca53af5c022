package dev.sonority.launcher.progress;

import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.TaskSnapshot;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls one task until it finishes, drawing its progress bar. */
public final class TaskFollower {

    private static final int BAR_WIDTH = 30;
    /** Longer than a restarted API takes to come back (the supervisor's pauses plus a start). */
    static final Duration UNREACHABLE_PATIENCE = Duration.ofMinutes(5);

    private final ApiClient api;
    private final ProgressDisplay display;
    private final Duration pollInterval;
    private final BooleanSupplier stopped;
    private long unreachableSince;

    /** @param stopped true once following should end early (the launcher is shutting down) */
    public TaskFollower(ApiClient api, ProgressDisplay display, Duration pollInterval, BooleanSupplier stopped) {
        this.api = api;
        this.display = display;
        this.pollInterval = pollInterval;
        this.stopped = stopped;
    }

    /** Follows the task until SUCCESS, FAILURE, CANCELLED or SKIPPED (or until stopped), and returns its last state. */
    public TaskSnapshot follow(TaskSnapshot task, String label, String unit) throws InterruptedException {
        RateMeter rate = new RateMeter(Duration.ofSeconds(15));
        TaskSnapshot current = task;
        while (true) {
            rate.record(System.nanoTime(), current.processed());
            String line = ProgressBar.render(label, current.processed(), current.total(), current.progress(),
                    rate.perSecond(), unit, BAR_WIDTH);
            if (current.finished()) {
                display.finish(line + "  " + current.status());
                return current;
            }
            if (stopped.getAsBoolean()) {
                display.finish(line);
                return current;
            }
            display.update(line);
            Thread.sleep(pollInterval);
            current = poll(current);
        }
    }

    /**
     * The task's next state. While the API cannot be reached (the launcher is restarting it after it died)
     * the last state stands, for up to {@link #UNREACHABLE_PATIENCE}; an error answer ends following at once.
     */
    private TaskSnapshot poll(TaskSnapshot last) {
        try {
            TaskSnapshot next = api.task(last.id());
            unreachableSince = 0;
            return next;
        } catch (ApiException e) {
            long now = System.nanoTime();
            if (e.status() != 0) {
                throw e;
            }
            if (unreachableSince == 0) {
                unreachableSince = now;
            } else if (now - unreachableSince > UNREACHABLE_PATIENCE.toNanos()) {
                throw e;
            }
            return last;
        }
    }
}
