package dev.sonority.launcher.progress;

import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.TaskSnapshot;
import java.time.Duration;

/** Polls one task until it finishes, drawing its progress bar. */
public final class TaskFollower {

    private static final int BAR_WIDTH = 30;

    private final ApiClient api;
    private final ProgressDisplay display;
    private final Duration pollInterval;

    public TaskFollower(ApiClient api, ProgressDisplay display, Duration pollInterval) {
        this.api = api;
        this.display = display;
        this.pollInterval = pollInterval;
    }

    /** Follows the task until SUCCESS, FAILURE, CANCELLED or SKIPPED, and returns its last state. */
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
            display.update(line);
            Thread.sleep(pollInterval);
            current = api.task(current.id());
        }
    }
}
