package dev.sonority.api.index.qdrant;

import dev.sonority.model.vector.store.ConditionalOnVectorStore;
import dev.sonority.model.vector.store.VectorStoreKind;
import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import dev.sonority.model.vector.qdrant.QdrantStartupCheck;
import dev.sonority.model.startup.StartupWaitProperties;
import dev.sonority.model.vector.store.VectorStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Qdrant vector store ({@code sonority.vector-store.kind=qdrant}, env {@code VECTOR_STORE}); the embedded
 * index and its event subscription do not exist then. The start waits up to STARTUP_DEPENDENCY_WAIT for Qdrant
 * ({@link QdrantStartupCheck}) and fails saying so if it never answers; a Qdrant that goes down later makes
 * searches answer 503 until it is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVectorStore(VectorStoreKind.QDRANT)
@EnableConfigurationProperties(QdrantSettings.class)
public class QdrantStoreConfiguration {

    @Bean(destroyMethod = "close")
    QdrantGateway qdrantGateway(QdrantSettings settings) {
        return QdrantGateway.connect(settings);
    }

    @Bean
    VectorStore qdrantVectorStore(QdrantGateway gateway) {
        return new QdrantVectorStore(gateway);
    }

    @Bean
    QdrantHealth qdrantHealthIndicator(QdrantGateway gateway, QdrantSettings settings) {
        return new QdrantHealth(gateway, settings.url());
    }

    @Bean
    QdrantStartupCheck qdrantStartupCheck(QdrantGateway gateway, StartupWaitProperties wait) {
        return new QdrantStartupCheck(gateway, wait);
    }
}
