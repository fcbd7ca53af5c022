package dev.sonority.worker.cluster;

import dev.sonority.model.job.JobRequest;
import dev.sonority.worker.jobs.JobRunner;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Consumes clustering jobs on a consumer of their own: a long search never delays a scan or analyze. */
@Component
class ClusterListener {

    private final JobRunner runner;

    ClusterListener(JobRunner runner) {
        this.runner = runner;
    }

    @RabbitListener(queues = "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).CLUSTER)}", concurrency = "1")
    void onClusterJob(JobRequest request) {
        runner.handle(request);
    }
}
