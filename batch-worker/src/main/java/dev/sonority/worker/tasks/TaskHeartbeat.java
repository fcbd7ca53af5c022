package dev.sonority.worker.tasks;

import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.config.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Stamps the rows of the tasks this worker works on, every {@code TASK_HEARTBEAT}. */
@Component
class TaskHeartbeat implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TaskHeartbeat.class);

    private final ActiveTasks activeTasks;
    private final TaskStore tasks;
    private final WorkerProperties properties;

    TaskHeartbeat(ActiveTasks activeTasks, TaskStore tasks, WorkerProperties properties) {
        this.activeTasks = activeTasks;
        this.tasks = tasks;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::beat, properties.heartbeat());
    }

    void beat() {
        try {
            tasks.heartbeat(activeTasks.ids());
        } catch (RuntimeException e) {
            log.warn("Task heartbeat failed: {}", TransientFailures.describe(e));
        }
    }
}
