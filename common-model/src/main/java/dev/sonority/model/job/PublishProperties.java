package dev.sonority.model.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing of job requests and work messages to RabbitMQ, the same in every service.
 *
 * @param confirmTimeout how long to wait for the broker's publisher confirm before the publish fails
 */
@ConfigurationProperties("sonority.publish")
public record PublishProperties(@DefaultValue("5s") Duration confirmTimeout) {
}
