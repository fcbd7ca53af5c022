package dev.sonority.model.startup;

import dev.sonority.model.RootCause;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Explains a start that failed because Qdrant, the selected vector store, did not answer within the wait. */
public class QdrantFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final @Nullable Environment environment;

    public QdrantFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        DependencyWait.DependencyUnreachableException unreachable =
                RootCause.find(failure, DependencyWait.DependencyUnreachableException.class);
        if (unreachable == null || !unreachable.dependency().equals("Qdrant")) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("sonority.vector-store.qdrant.url");
        return new FailureAnalysis("VECTOR_STORE is qdrant, but Qdrant at " + (url == null ? "QDRANT_URL" : url)
                + " did not answer within " + unreachable.waitedText() + ": "
                + RootCause.message(unreachable),
                "Start Qdrant (docker compose -f docker-compose.database.yaml up -d qdrant), set"
                        + " QDRANT_URL to its gRPC endpoint (port 6334, not the REST port 6333) and QDRANT_API_KEY if"
                        + " it has one, or set VECTOR_STORE=embedded. STARTUP_DEPENDENCY_WAIT sets how long a start"
                        + " waits (0 = forever).",
                failure);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
