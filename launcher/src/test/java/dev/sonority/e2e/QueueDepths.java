package dev.sonority.e2e;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobQueueDeclarations;
import dev.sonority.model.job.JobTopology;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Messages ready in every durable queue the services declare (the job queue of each task type, the analyze
 * work queue and the dead-letter queue), taken from the same {@link JobQueueDeclarations} the services use, and
 * read with a passive declare. The API's own index-event queue is left out: its name is generated, AMQP offers
 * no way to list queues, and it is exclusive to the API's connection (deleted with it).
 */
final class QueueDepths {

    private QueueDepths() {
    }

    /** Queue name to ready messages; -1 for a queue the broker does not have. */
    static Map<String, Long> read(String amqpUrl, JobTopology topology) {
        List<String> names = JobQueueDeclarations.declarables(topology, List.of(AnalyzeBatch.WORK_QUEUE))
                .getDeclarablesByType(Queue.class).stream().map(Queue::getName).toList();
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(amqpUrl));
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            Map<String, Long> depths = new TreeMap<>();
            for (String name : names) {
                Properties properties = admin.getQueueProperties(name);
                depths.put(name, properties == null ? -1
                        : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue());
            }
            return depths;
        } finally {
            connections.destroy();
        }
    }
}
