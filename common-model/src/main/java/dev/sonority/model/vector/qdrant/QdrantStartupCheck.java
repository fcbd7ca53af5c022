package dev.sonority.model.vector.qdrant;

import dev.sonority.model.startup.DependencyWait;
import dev.sonority.model.startup.StartupWaitProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * With {@code VECTOR_STORE=qdrant}, fails the start of a service whose Qdrant does not answer its health check
 * within the startup wait, so a wrong QDRANT_URL is reported ({@code QdrantFailureAnalyzer}) instead of an API
 * whose every search answers 503. Once started, a Qdrant outage no longer stops anything: searches answer 503
 * until it is back and the worker's outbox catches up.
 */
public class QdrantStartupCheck implements ApplicationRunner, Ordered {

    private final QdrantGateway qdrant;
    private final DependencyWait wait;

    public QdrantStartupCheck(QdrantGateway qdrant, StartupWaitProperties properties) {
        this.qdrant = qdrant;
        this.wait = new DependencyWait(properties);
    }

    @Override
    public void run(ApplicationArguments args) {
        wait.until("Qdrant", qdrant::checkHealth, failure -> true);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
