package dev.sonority.launcher.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.sonority.model.job.JobQueueDeclarations;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The services' own code paths against the embedded broker: Spring AMQP declares exactly the topology of
 * {@link JobQueueDeclarations} (durable queues with {@code x-dead-letter-exchange}), publishes with
 * publisher confirms, consumes, and a message rejected for good lands in the dead-letter queue. A persistent
 * message survives a broker restart on the same directory.
 */
class EmbeddedBrokerTest {

    private static final JobTopology TOPOLOGY = new JobTopology("sonority");

    @TempDir
    Path dir;

    @Test
    void springAmqpDeclaresPublishesWithConfirmsConsumesAndDeadLetters() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0, "sonority")) {
            CachingConnectionFactory connections = connections(broker);
            try {
                declare(new RabbitAdmin(connections), JobQueueDeclarations.declarables(TOPOLOGY, List.of("analyze")).getDeclarables());
                RabbitTemplate template = new RabbitTemplate(connections);
                template.setMandatory(true);
                assertConfirmedPublish(template, TaskType.SCAN.routingKey(), "{\"taskId\":\"1\",\"type\":\"SCAN\"}");

                Message received = template.receive(TOPOLOGY.jobQueue(TaskType.SCAN), 5000);
                assertThat(received).isNotNull();
                assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"taskId\":\"1\",\"type\":\"SCAN\"}");

                // a consumer that dies before its ack: the message comes back, again and again
                assertConfirmedPublish(template, TaskType.ANALYZE.routingKey(), "poison");
                try (com.rabbitmq.client.Connection raw = connections.getRabbitConnectionFactory().newConnection()) {
                    for (int crash = 0; crash < 3; crash++) {
                        Channel channel = raw.createChannel();
                        GetResponse response = channel.basicGet(TOPOLOGY.jobQueue(TaskType.ANALYZE), false);
                        assertThat(response).as("redelivery after crash " + crash).isNotNull();
                        assertThat(response.getEnvelope().isRedeliver()).isEqualTo(crash > 0);
                        channel.close(); // unacknowledged
                    }
                    // rejected without requeue: straight to the dead-letter queue, as with RabbitMQ's x-dead-letter-exchange
                    try (Channel channel = raw.createChannel()) {
                        GetResponse response = channel.basicGet(TOPOLOGY.jobQueue(TaskType.ANALYZE), false);
                        channel.basicReject(response.getEnvelope().getDeliveryTag(), false);
                        assertThat(channel.basicGet(TOPOLOGY.jobQueue(TaskType.ANALYZE), false)).isNull();
                    }
                }
                Message dead = template.receive(TOPOLOGY.deadLetterQueue(), 5000);
                assertThat(dead).isNotNull();
                assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
            } finally {
                connections.destroy();
            }
        }
    }

    /**
     * The API's index-event queue (Spring's AnonymousQueue: not durable, exclusive, auto-delete, no dead-letter
     * exchange) goes with the API's connection, with whatever events it still holds. RabbitMQ drops them; so must
     * the embedded broker, instead of moving them into the dead-letter queue, where every stop of the API would
     * show up as dead letters (found by FaultMatrixIT, which kills the API while events wait in its queue).
     */
    @Test
    void theEventsOfAnApiThatStoppedAreNotDeadLettered() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0, "sonority")) {
            CachingConnectionFactory connections = connections(broker);
            try {
                declare(new RabbitAdmin(connections), JobQueueDeclarations.declarables(TOPOLOGY, List.of("analyze")).getDeclarables());
                CountDownLatch delivered = new CountDownLatch(3);
                try (com.rabbitmq.client.Connection api = connections.getRabbitConnectionFactory().newConnection()) {
                    Channel channel = api.createChannel();
                    String queue = channel.queueDeclare(new AnonymousQueue().getName(), false, true, true, null).getQueue();
                    channel.queueBind(queue, TOPOLOGY.eventsExchange(), JobTopology.indexChangedRoutingKey("*"));
                    channel.basicConsume(queue, false, (tag, delivery) -> delivered.countDown(), tag -> { });
                    RabbitTemplate template = new RabbitTemplate(connections);
                    for (int i = 0; i < 3; i++) {
                        template.convertAndSend(TOPOLOGY.eventsExchange(), JobTopology.indexChangedRoutingKey("musicnn"),
                                "{\"model\":\"musicnn\"}");
                    }
                    assertThat(delivered.await(10, TimeUnit.SECONDS)).as("events delivered, not acknowledged yet").isTrue();
                } // the API stops: its queue is deleted with the three events
                assertThat(new RabbitTemplate(connections).receive(TOPOLOGY.deadLetterQueue(), 2000))
                        .as("a dead letter from the API's queue").isNull();
            } finally {
                connections.destroy();
            }
        }
    }

    @Test
    void persistentMessageSurvivesRestart() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0, "sonority")) {
            CachingConnectionFactory connections = connections(broker);
            declare(new RabbitAdmin(connections), JobQueueDeclarations.declarables(TOPOLOGY, List.of("analyze")).getDeclarables());
            assertConfirmedPublish(new RabbitTemplate(connections), TaskType.VACUUM.routingKey(), "kept");
            connections.destroy();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0, "sonority")) {
            CachingConnectionFactory connections = connections(broker);
            Message kept = new RabbitTemplate(connections).receive(TOPOLOGY.jobQueue(TaskType.VACUUM), 5000);
            connections.destroy();
            assertThat(kept).isNotNull();
            assertThat(new String(kept.getBody(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
    }

    private static CachingConnectionFactory connections(EmbeddedBroker broker) {
        CachingConnectionFactory connections = new CachingConnectionFactory(java.net.URI.create(broker.endpoint().amqpUrl()));
        connections.setPublisherConfirmType(ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        return connections;
    }

    private static void declare(RabbitAdmin admin, java.util.Collection<Declarable> declarables) {
        for (Declarable declarable : declarables) {
            switch (declarable) {
                case Exchange exchange -> admin.declareExchange(exchange);
                case Queue queue -> admin.declareQueue(queue);
                case Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalArgumentException(declarable.toString());
            }
        }
    }

    private static void assertConfirmedPublish(RabbitTemplate template, String routingKey, String body) throws Exception {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        CorrelationData correlation = new CorrelationData(body);
        template.send(TOPOLOGY.jobsExchange(), routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties), correlation);
        assertThat(correlation.getFuture().get(5, TimeUnit.SECONDS).ack()).as("publisher confirm").isTrue();
        assertThat(correlation.getReturned()).as("returned as unroutable").isNull();
    }
}
