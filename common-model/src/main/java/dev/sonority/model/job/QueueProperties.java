package dev.sonority.model.job;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Naming of Sonority's RabbitMQ exchanges and queues.
 *
 * @param prefix first part of every exchange and queue name; tests use a random one so runs never meet
 */
@ConfigurationProperties("sonority.queues")
public record QueueProperties(String prefix) {

    public QueueProperties {
        if (prefix == null || prefix.isBlank()) {
            prefix = "sonority";
        }
    }

    /** The names derived from the prefix. */
    public JobTopology topology() {
        return new JobTopology(prefix);
    }
}
