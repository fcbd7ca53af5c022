package dev.sonority.worker.tasks;

import dev.sonority.worker.config.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Stamps the rows of the tasks this worker works on, every {@code TASK_HEARTBEAT}. */
@Component
class TaskHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(TaskHeartbeat.class);

    private final ActiveTasks activeTasks;
    private final TaskStore tasks;

    TaskHeartbeat(ActiveTasks activeTasks, TaskStore tasks) {
        this.activeTasks = activeTasks;
        this.tasks = tasks;
    }

    @Scheduled(fixedDelayString = "${sonority.worker.heartbeat:10s}")
    void beat() {
        try {
            tasks.heartbeat(activeTasks.ids());
        } catch (RuntimeException e) {
            log.warn("Task heartbeat failed: {}", TransientFailures.describe(e));
        }
    }
}
