package dev.sonority.api.index.qdrant;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code qdrant} in {@code /actuator/health}: whether Qdrant answers its health check. Not part of the
 * readiness group: with Qdrant down the API still serves everything but searches (which answer 503).
 */
final class QdrantHealth implements HealthIndicator {

    private final QdrantGateway qdrant;
    private final String url;

    QdrantHealth(QdrantGateway qdrant, String url) {
        this.qdrant = qdrant;
        this.url = url;
    }

    @Override
    public Health health() {
        return (qdrant.reachable() ? Health.up() : Health.down()).withDetail("url", url).build();
    }
}
