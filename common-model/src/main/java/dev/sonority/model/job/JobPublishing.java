package dev.sonority.model.job;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imported by the services that publish jobs (api-service, batch-worker): the one {@link JobPublisher}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
public class JobPublishing {

    @Bean
    JobPublisher jobPublisher(RabbitTemplate rabbitTemplate, QueueProperties queues, PublishProperties properties) {
        return new JobPublisher(rabbitTemplate, queues.topology(), properties);
    }
}
