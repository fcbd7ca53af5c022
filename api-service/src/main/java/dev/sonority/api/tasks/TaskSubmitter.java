package dev.sonority.api.tasks;

import dev.sonority.api.web.ApiException;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.job.PublishException;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.task.TaskType;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Submits a top-level task: inserts it PENDING (committed), then publishes its {@link JobRequest} and waits
 * for the confirm. If a task of the same type is already PENDING or RUNNING, the unique index refuses the
 * insert and a SKIPPED task naming the active one is recorded instead; the active task can finish between
 * the refused insert and the lookup, in which case the insert is simply tried again.
 */
@Component
public class TaskSubmitter {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmitter.class);
    private static final int ATTEMPTS = 5;

    private final TaskTransitions transitions;
    private final TaskQueries tasks;
    private final JobPublisher publisher;
    private final TaskJson json;

    public TaskSubmitter(TaskTransitions transitions, TaskQueries tasks, JobPublisher publisher, TaskJson json) {
        this.transitions = transitions;
        this.tasks = tasks;
        this.publisher = publisher;
        this.json = json;
    }

    /** The new task (PENDING or SKIPPED); an {@link ApiException} 500 if it could not be enqueued. */
    public StoredTask submit(TaskType type, Map<String, Object> parameters) {
        String parametersJson = parameters == null ? null : json.write(parameters);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UUID id = UUID.randomUUID();
            if (transitions.createPending(id, type, parametersJson, null)) {
                enqueue(id, type);
                return reload(id);
            }
            Optional<StoredTask> active = tasks.activeTopLevel(type);
            if (active.isPresent()) {
                StoredTask running = active.get();
                transitions.createSkipped(id, type, parametersJson, "Skipped: " + type.displayName() + " task "
                        + running.id() + " is already " + running.status(),
                        json.write(Map.of("active_task_id", running.id().toString())));
                return reload(id);
            }
        }
        throw new IllegalStateException("Could not submit a " + type.routingKey() + " task after " + ATTEMPTS
                + " attempts: the active task kept changing");
    }

    private void enqueue(UUID id, TaskType type) {
        try {
            publisher.publishJob(new JobRequest(id, type));
        } catch (PublishException e) {
            log.error("Task {} ({}) could not be enqueued: {}", id, type.displayName(), e.getMessage());
            transitions.failUnpublished(id, "Failed to enqueue " + type.routingKey() + " task", e.getMessage());
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Failed to enqueue " + type.routingKey() + " task. Error: " + e.getMessage(), e);
        }
    }

    private StoredTask reload(UUID id) {
        return tasks.find(id).orElseThrow(() -> new IllegalStateException("Task " + id + " vanished"));
    }
}
