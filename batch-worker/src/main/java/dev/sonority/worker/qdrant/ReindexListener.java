package dev.sonority.worker.qdrant;

import dev.sonority.model.job.JobRequest;
import dev.sonority.worker.jobs.JobRunner;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes reindex jobs on a consumer of their own: a long scan or vacuum never delays a reindex, nor the
 * reverse (both only read what the other writes through committed transactions).
 */
@Component
class ReindexListener {

    private final JobRunner runner;

    ReindexListener(JobRunner runner) {
        this.runner = runner;
    }

    @RabbitListener(queues = "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).REINDEX)}", concurrency = "1")
    void onReindexJob(JobRequest request) {
        runner.handle(request);
    }
}
