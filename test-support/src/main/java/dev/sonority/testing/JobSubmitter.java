package dev.sonority.testing;

import static org.awaitility.Awaitility.await;

import dev.sonority.model.job.JobRequest;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.task.TaskType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Submits tasks the way the API does (a PENDING row through {@link TaskTransitions}, then a {@link JobRequest} on
 * the jobs exchange) and waits for their outcome, so worker tests and benches drive the real queue path without
 * the API.
 */
public final class JobSubmitter {

    private final JdbcClient jdbc;
    private final TaskTransitions transitions;
    private final RabbitTemplate rabbit;
    private final JobTopology topology;

    public JobSubmitter(JdbcClient jdbc, RabbitTemplate rabbit, JobTopology topology) {
        this.jdbc = jdbc;
        // only createPending is used here, a single statement: no transaction needed (reconcile would need one)
        this.transitions = new TaskTransitions(jdbc, TransactionOperations.withoutTransaction());
        this.rabbit = rabbit;
        this.topology = topology;
    }

    /** A new PENDING task of {@code type}; fails when one of that type is already PENDING or RUNNING. */
    public UUID submit(TaskType type, @Nullable String parametersJson) {
        UUID id = UUID.randomUUID();
        if (!transitions.createPending(id, type, parametersJson, null)) {
            throw new IllegalStateException("a " + type.routingKey() + " task is already pending or running");
        }
        rabbit.convertAndSend(topology.jobsExchange(), type.routingKey(), new JobRequest(id, type));
        return id;
    }

    /** Waits until the task is no longer PENDING or RUNNING and returns its row. */
    public Map<String, Object> awaitFinished(UUID id, Duration timeout) throws InterruptedException {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> !isActive(status(id)));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("task " + id + " still " + status(id) + " after " + timeout, e);
        }
        return jdbc.sql("SELECT status, message, error, processed_count, failed_count, total_count, progress,"
                + " details::text AS details, started_at, finished_at FROM task WHERE id = :id").param("id", id)
                .query().singleRow();
    }

    public String status(UUID id) {
        return jdbc.sql("SELECT status FROM task WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static boolean isActive(String status) {
        return TaskStatus.PENDING.name().equals(status) || TaskStatus.RUNNING.name().equals(status);
    }
}
