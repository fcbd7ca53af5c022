package dev.sonority.worker.qdrant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the worker drains the Qdrant outbox ({@code sonority.vector-store.qdrant.sync-interval}). Its own
 * record beside common-model's QdrantSettings (same prefix), because the drain also runs with the embedded store:
 * it switches the outbox triggers off there.
 *
 * @param syncInterval the pause between two drains: how long a committed vector may wait before Qdrant has it
 */
@ConfigurationProperties("sonority.vector-store.qdrant")
public record QdrantSyncProperties(@DefaultValue("1s") Duration syncInterval) {

    public QdrantSyncProperties {
        if (syncInterval.isZero() || syncInterval.isNegative()) {
            throw new IllegalArgumentException("sonority.vector-store.qdrant.sync-interval must be positive, not "
                    + syncInterval);
        }
    }
}
