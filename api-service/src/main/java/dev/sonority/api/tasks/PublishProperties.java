package dev.sonority.api.tasks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing of job requests to RabbitMQ.
 *
 * @param confirmTimeout how long to wait for the broker's publisher confirm before the task fails
 */
@ConfigurationProperties("sonority.api.publish")
public record PublishProperties(Duration confirmTimeout) {

    public PublishProperties {
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
    }
}
