package dev.sonority.api.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;

/** Deletes the exchanges and queues a test run declared under its random prefix. */
public final class BrokerCleanup {

    private BrokerCleanup() {
    }

    public static void delete(TestBroker broker) {
        JobTopology topology = new JobTopology(broker.prefix());
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(broker.url());
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                for (TaskType type : TaskType.values()) {
                    channel.queueDelete(topology.jobQueue(type));
                }
                channel.queueDelete(topology.workQueue("analyze"));
                channel.queueDelete(topology.deadLetterQueue());
                channel.exchangeDelete(topology.jobsExchange());
                channel.exchangeDelete(topology.deadLetterExchange());
                channel.exchangeDelete(topology.eventsExchange());
            }
        } catch (Exception e) {
            System.err.println("Could not delete the test queues of " + broker.prefix() + ": " + e);
        }
    }
}
