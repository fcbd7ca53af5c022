package dev.sonority.worker.tasks;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.job.JobTopology;
import java.util.List;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes job and work messages and waits for the broker's confirms, so "published" means the broker has
 * them (the worker's template uses {@code publisher-confirm-type: simple}).
 */
@Component
public class JobPublisher {

    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final RabbitTemplate template;
    private final JobTopology topology;

    JobPublisher(RabbitTemplate template, JobTopology topology) {
        this.template = template;
        this.topology = topology;
    }

    public void publishJob(JobRequest request) {
        template.invoke(ops -> {
            ops.convertAndSend(topology.jobsExchange(), request.type().routingKey(), request);
            ops.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }

    /** Publishes a task's child batches in one confirmed burst. */
    public void publishBatches(List<AnalyzeBatch> batches) {
        String routingKey = topology.workQueue(AnalyzeBatch.WORK_QUEUE);
        template.invoke(ops -> {
            for (AnalyzeBatch batch : batches) {
                ops.convertAndSend(topology.jobsExchange(), routingKey, batch);
            }
            ops.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }
}
