package dev.sonority.worker.tasks;

import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.job.JobRequest;
import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.config.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Brings back tasks that a dead process left behind: at start-up and then periodically, every orphaned task
 * (see {@link TaskStore#takeOrphans()}) gets its job message published again. Jobs are idempotent, so the
 * worker that receives it continues where the dead one stopped.
 */
@Component
class TaskRecovery implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);

    private final TaskStore tasks;
    private final JobPublisher publisher;
    private final WorkerProperties properties;

    TaskRecovery(TaskStore tasks, JobPublisher publisher, WorkerProperties properties) {
        this.tasks = tasks;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Every {@code TASK_HEARTBEAT}, the first one heartbeat after the start (which {@link #atStartup} covers). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::recover, properties.heartbeat(), properties.heartbeat()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        recover();
    }

    void recover() {
        try {
            for (TaskStore.TaskRow orphan : tasks.takeOrphans()) {
                log.info("Recovering {} task {} (was {}, nobody was working on it)", orphan.type(), orphan.id(),
                        orphan.status());
                publisher.publishJob(new JobRequest(orphan.id(), orphan.type()));
            }
        } catch (RuntimeException e) {
            log.warn("Task recovery could not run now: {}", TransientFailures.describe(e));
        }
    }
}
