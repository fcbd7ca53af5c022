package dev.sonority.launcher.progress;

import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.TaskSnapshot;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls one task until it finishes, drawing its progress bar. */
public final class TaskFollower {

    private static final int BAR_WIDTH = 30;

    private final ApiClient api;
    private final ProgressDisplay display;
    private final Duration pollInterval;
    private final BooleanSupplier stopped;

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
            current = api.task(current.id());
        }
    }
}
