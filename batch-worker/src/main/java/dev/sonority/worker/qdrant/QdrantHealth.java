package dev.sonority.worker.qdrant;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code qdrant} in the worker's {@code /actuator/health}: whether Qdrant answers, and how many song vectors
 * it is behind PostgreSQL. Down never stops the worker: the outbox keeps what Qdrant has not received yet.
 */
final class QdrantHealth implements HealthIndicator {

    private final QdrantGateway qdrant;
    private final QdrantSync sync;
    private final String url;

    QdrantHealth(QdrantGateway qdrant, QdrantSync sync, String url) {
        this.qdrant = qdrant;
        this.sync = sync;
        this.url = url;
    }

    @Override
    public Health health() {
        return (qdrant.reachable() ? Health.up() : Health.down()).withDetail("url", url)
                .withDetail("behind", sync.behind()).build();
    }
}
