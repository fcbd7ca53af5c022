package dev.sonority.api.schedules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Calls {@link ScheduleRunner#tick()} every SCHEDULE_TICK on one daemon thread while the application runs (the
 * first look right at start, which fires what was missed while it was down). A failed look (database away) is
 * logged and the next one tried on time.
 */
@Component
class ScheduleTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    private final ScheduleRunner runner;
    private final ScheduleProperties properties;
    private ScheduledExecutorService executor;

    ScheduleTicker(ScheduleRunner runner, ScheduleProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long millis = properties.tick().toMillis();
        if (millis <= 0 || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("schedules").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            runner.tick();
        } catch (RuntimeException e) {
            log.warn("Looking for due schedules failed; trying again in {}: {}", properties.tick(), e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
