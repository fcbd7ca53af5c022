package dev.sonority.api.tasks;

import dev.sonority.model.job.JobQueueDeclarations;
import dev.sonority.model.job.QueueProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RabbitMQ wiring: the shared queue declarations (declared when the first connection opens, so a broker
 * that is down at startup does not stop the API), JSON messages with Jackson's default (camelCase)
 * naming — the API's snake_case applies to HTTP only — and a log line for every returned message.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    Declarables jobQueues(QueueProperties queues) {
        return JobQueueDeclarations.declarables(queues.topology(), List.of("analyze"));
    }

    /** Writes {@code {"taskId":"...","type":"SCAN"}}; reads back only Sonority's own message types. */
    @Bean
    MessageConverter jobMessageConverter() {
        return new JacksonJsonMessageConverter("dev.sonority.model.job");
    }

    @Bean
    RabbitTemplateCustomizer returnedMessagesLogged() {
        return template -> template.setReturnsCallback(returned -> log.warn(
                "RabbitMQ returned a message: {} {} (exchange {}, routing key {})", returned.getReplyCode(),
                returned.getReplyText(), returned.getExchange(), returned.getRoutingKey()));
    }
}
