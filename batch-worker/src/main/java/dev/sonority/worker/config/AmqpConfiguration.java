package dev.sonority.worker.config;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobQueueDeclarations;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.job.QueueProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the worker's RabbitMQ side: the shared topology, JSON messages, and what happens to a message whose
 * retries are exhausted ({@link DeadLetterOrRequeueRecoverer}). Listener retry with backoff, prefetch and
 * acknowledgement come from {@code spring.rabbitmq.listener.simple.*} in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AmqpConfiguration.class);

    @Bean
    JobTopology jobTopology(QueueProperties queues) {
        return queues.topology();
    }

    @Bean
    Declarables sonorityQueues(JobTopology topology) {
        return JobQueueDeclarations.declarables(topology, List.of(AnalyzeBatch.WORK_QUEUE));
    }

    @Bean
    MessageConverter jsonMessageConverter() {
        return new JacksonJsonMessageConverter();
    }

    /**
     * The template is mandatory (common-model's JobPublisher fails a job or batch no queue takes). An index
     * event no API instance listens to comes back too: nothing to refresh, so not a warning.
     */
    @Bean
    RabbitTemplateCustomizer returnedMessagesLogged(JobTopology topology) {
        return template -> template.setReturnsCallback(returned -> {
            if (topology.eventsExchange().equals(returned.getExchange())) {
                log.debug("No index listens to {} (routing key {})", returned.getExchange(), returned.getRoutingKey());
            } else {
                log.warn("RabbitMQ returned a message: {} {} (exchange {}, routing key {})", returned.getReplyCode(),
                        returned.getReplyText(), returned.getExchange(), returned.getRoutingKey());
            }
        });
    }

    @Bean
    MessageRecoverer deadLetterOrRequeueRecoverer(RabbitTemplate rabbitTemplate, JobTopology topology) {
        return new DeadLetterOrRequeueRecoverer(rabbitTemplate, topology.deadLetterExchange());
    }

    /**
     * The dead-letter queue's own listener factory: raw messages (a poison message is, by definition, one
     * that may not convert), and no retry advice, so a failure there can never republish a message to the
     * dead-letter exchange it came from (a loop).
     */
    @Bean
    SimpleRabbitListenerContainerFactory deadLetterContainerFactory(ConnectionFactory connectionFactory) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        factory.setConnectionFactory(connectionFactory);
        factory.setMessageConverter(new SimpleMessageConverter());
        factory.setPrefetchCount(1);
        factory.setDefaultRequeueRejected(true);
        return factory;
    }

    /**
     * The analyze batches' listener factory: Spring Boot's listener settings, as the default factory has them
     * (retry with backoff and the recoverer, prefetch, acknowledgement, the JSON converter), with
     * {@code WORKER_CONCURRENCY} consumers, whose default lives on {@link WorkerProperties}.
     */
    @Bean
    SimpleRabbitListenerContainerFactory analyzeBatchContainerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory,
            WorkerProperties properties) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setConcurrentConsumers(properties.concurrency());
        return factory;
    }

    @Bean
    WorkerIdentity workerIdentity() {
        return WorkerIdentity.ofThisProcess();
    }
}
