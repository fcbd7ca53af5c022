package dev.sonority.worker.tasks;

import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.job.PublishException;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.task.TaskType;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks the worker starts itself because of another task's result. After each analyze batch it reads the task's
 * status once and, when the task has ended SUCCESS, announces {@link AnalyzeTaskSucceeded}; {@link #start} submits
 * a follow-up task as the API submits one: PENDING (the unique index keeps one active per type, so a second start
 * does nothing), then published.
 */
@Component
public class FollowUpTasks {

    private static final Logger log = LoggerFactory.getLogger(FollowUpTasks.class);

    private final JdbcClient jdbc;
    private final TaskTransitions tasks;
    private final JobPublisher publisher;
    private final ApplicationEventPublisher events;

    FollowUpTasks(JdbcClient jdbc, TaskTransitions tasks, JobPublisher publisher, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.publisher = publisher;
        this.events = events;
    }

    @EventListener
    void afterAnalyzeBatch(AnalyzeBatchFinished event) {
        String status = jdbc.sql("SELECT status FROM task WHERE id = :id").param("id", event.taskId())
                .query(String.class).optional().orElse(null);
        if (TaskStatus.SUCCESS.name().equals(status)) {
            events.publishEvent(new AnalyzeTaskSucceeded(event.taskId()));
        }
    }

    /**
     * Starts a task of {@code type} unless one is already pending or running. A failed publish leaves the PENDING
     * row, which task recovery republishes.
     *
     * @param reason why, completing "Started because the ..." (the task's message) and the log line
     */
    public void start(TaskType type, String parametersJson, String reason) {
        UUID id = UUID.randomUUID();
        if (!tasks.createPending(id, type, parametersJson, "Started because the " + reason)) {
            return;
        }
        try {
            publisher.publishJob(new JobRequest(id, type));
            log.info("Started {} task {}: the {}", type.displayName(), id, reason);
        } catch (PublishException e) {
            log.warn("Could not enqueue {} task {}: {}", type.displayName(), id, e.getMessage());
        }
    }
}
