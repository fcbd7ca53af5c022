package dev.sonority.worker.map;

import dev.sonority.model.job.JobRequest;
import dev.sonority.worker.jobs.JobRunner;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Consumes map jobs on a consumer of their own: a projection of a large library never delays a scan or analyze. */
@Component
class MapListener {

    private final JobRunner runner;

    MapListener(JobRunner runner) {
        this.runner = runner;
    }

    @RabbitListener(queues = "#{jobTopology.jobQueue(T(dev.sonority.model.task.TaskType).MAP)}", concurrency = "1")
    void onMapJob(JobRequest request) {
        runner.handle(request);
    }
}
