package dev.sonority.worker.cluster;

import dev.sonority.model.job.JobQueueDeclarations;
import dev.sonority.model.job.JobTopology;
import org.springframework.amqp.core.Declarables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the work queue of the CLUSTER task's batches, next to the other job queues and dead-lettered like them. */
@Configuration(proxyBeanMethods = false)
class ClusterBatchQueueConfiguration {

    @Bean
    Declarables clusterBatchQueue(JobTopology topology) {
        return JobQueueDeclarations.workQueue(topology, ClusterBatch.WORK_QUEUE);
    }
}
