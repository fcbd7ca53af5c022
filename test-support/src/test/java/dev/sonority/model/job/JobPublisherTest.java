package dev.sonority.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;

/**
 * The one publisher of api-service and batch-worker against the real RabbitMQ: a confirmed message is in its
 * queue, an unroutable one, a broker that cannot be reached and a template without correlated confirms each
 * fail the publish with a {@link PublishException} saying which.
 */
class JobPublisherTest {

    private final TestBroker broker = TestBroker.create();
    private final JobTopology topology = new JobTopology(broker.prefix());
    private CachingConnectionFactory connections;
    private RabbitAdmin admin;

    @BeforeEach
    void connect() {
        connections = new CachingConnectionFactory(URI.create(broker.url()));
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        admin = new RabbitAdmin(connections);
    }

    @AfterEach
    void cleanUp() {
        admin.deleteExchange(topology.jobsExchange());
        for (TaskType type : TaskType.values()) {
            admin.deleteQueue(topology.jobQueue(type));
        }
        admin.deleteQueue(topology.workQueue(AnalyzeBatch.WORK_QUEUE));
        admin.deleteQueue(topology.deadLetterQueue());
        admin.deleteExchange(topology.deadLetterExchange());
        admin.deleteExchange(topology.eventsExchange());
        connections.destroy();
    }

    @Test
    void confirmedJobsAndBatchesAreInTheirQueues() {
        declare(JobQueueDeclarations.declarables(topology, List.of(AnalyzeBatch.WORK_QUEUE)));
        JobPublisher publisher = publisher(template(true), Duration.ofSeconds(5));
        UUID task = UUID.randomUUID();

        publisher.publishJob(new JobRequest(task, TaskType.SCAN));
        publisher.publishBatches(List.of(new AnalyzeBatch(task, List.of(1L)), new AnalyzeBatch(task, List.of(2L))));

        RabbitTemplate reader = template(false);
        reader.setMessageConverter(new JacksonJsonMessageConverter("dev.sonority.model.job"));
        assertThat(reader.receiveAndConvert(topology.jobQueue(TaskType.SCAN), 5_000))
                .isEqualTo(new JobRequest(task, TaskType.SCAN));
        assertThat(admin.getQueueInfo(topology.workQueue(AnalyzeBatch.WORK_QUEUE)).getMessageCount()).isEqualTo(2);
    }

    @Test
    void aMessageNoQueueIsBoundForFailsThePublishNamingItsRoutingKey() {
        declare(new Declarables(new DirectExchange(topology.jobsExchange(), false, true)));
        JobPublisher publisher = publisher(template(true), Duration.ofSeconds(5));

        assertThatThrownBy(() -> publisher.publishJob(new JobRequest(UUID.randomUUID(), TaskType.VACUUM)))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("could not be routed to a queue").hasMessageContaining("NO_ROUTE")
                .hasMessageContaining("routing key " + TaskType.VACUUM.routingKey());
        assertThatThrownBy(() -> publisher.publishBatches(List.of(new AnalyzeBatch(UUID.randomUUID(), List.of(1L)))))
                .isInstanceOf(PublishException.class).hasMessageContaining("could not be routed to a queue")
                .hasMessageContaining(topology.workQueue(AnalyzeBatch.WORK_QUEUE));
    }

    @Test
    void aTemplateWithoutCorrelatedConfirmsFailsOnTheTimeoutNamingTheSetting() {
        declare(JobQueueDeclarations.declarables(topology, List.of(AnalyzeBatch.WORK_QUEUE)));
        CachingConnectionFactory plain = new CachingConnectionFactory(URI.create(broker.url()));
        try {
            RabbitTemplate template = new RabbitTemplate(plain);
            template.setMessageConverter(new JacksonJsonMessageConverter());
            JobPublisher publisher = publisher(template, Duration.ofMillis(300));

            assertThatThrownBy(() -> publisher.publishJob(new JobRequest(UUID.randomUUID(), TaskType.SCAN)))
                    .isInstanceOf(PublishException.class).hasMessageContaining("within PT0.3S")
                    .hasMessageContaining("publisher-confirm-type");
        } finally {
            plain.destroy();
        }
    }

    @Test
    void anUnreachableBrokerFailsThePublishWithTheReason() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory(URI.create("amqp://guest:guest@127.0.0.1:1"));
        nowhere.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        try {
            RabbitTemplate template = new RabbitTemplate(nowhere);
            template.setMandatory(true);
            template.setMessageConverter(new JacksonJsonMessageConverter());

            assertThatThrownBy(() -> publisher(template, Duration.ofSeconds(5))
                    .publishJob(new JobRequest(UUID.randomUUID(), TaskType.SCAN)))
                    .isInstanceOf(PublishException.class).hasMessageContaining("Connection refused");
        } finally {
            nowhere.destroy();
        }
    }

    private JobPublisher publisher(RabbitTemplate template, Duration confirmTimeout) {
        return new JobPublisher(template, topology, new PublishProperties(confirmTimeout));
    }

    /** A template as the services' application.yaml configures it: mandatory, JSON. */
    private RabbitTemplate template(boolean mandatory) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMandatory(mandatory);
        template.setMessageConverter(new JacksonJsonMessageConverter());
        return template;
    }

    private void declare(Declarables declarables) {
        declarables.getDeclarables().forEach(d -> {
            switch (d) {
                case org.springframework.amqp.core.Exchange exchange -> admin.declareExchange(exchange);
                case org.springframework.amqp.core.Queue queue -> admin.declareQueue(queue);
                case org.springframework.amqp.core.Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalArgumentException("unexpected " + d);
            }
        });
    }
}
