package dev.sonority.model.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Naming of Sonority's RabbitMQ exchanges and queues.
 *
 * @param prefix first part of every exchange and queue name; tests use a random one so runs never meet
 */
@ConfigurationProperties("sonority.queues")
public record QueueProperties(@DefaultValue(QueueProperties.DEFAULT_PREFIX) String prefix) {

    static final String DEFAULT_PREFIX = "sonority";

    public QueueProperties {
        if (prefix.isBlank()) { // SONORITY_QUEUE_PREFIX= (blank) means the default too
            prefix = DEFAULT_PREFIX;
        }
    }

    /** The names derived from the prefix. */
    public JobTopology topology() {
        return new JobTopology(prefix);
    }
}
