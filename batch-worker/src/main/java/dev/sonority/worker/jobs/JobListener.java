package dev.sonority.worker.jobs;

import dev.sonority.model.job.JobRequest;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the job queues. The message is acknowledged when this method returns, which is after the job's
 * results were committed; an exception leads to retries with backoff and then to the dead-letter queue (or
 * back to the queue when a dependency is down), see {@code config.DeadLetterOrRequeueRecoverer}.
 */
@Component
class JobListener {

    private final JobRunner runner;

    JobListener(JobRunner runner) {
        this.runner = runner;
    }

    @RabbitListener(queues = {"#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).SCAN)}",
            "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).VACUUM)}",
            "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).REVECTORISE)}"}, concurrency = "1")
    void onLibraryJob(JobRequest request) {
        runner.handle(request);
    }

    /** Analyze fan-outs have a consumer of their own, so a long scan never delays them (or the reverse). */
    @RabbitListener(queues = "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).ANALYZE)}", concurrency = "1")
    void onAnalyzeJob(JobRequest request) {
        runner.handle(request);
    }
}
