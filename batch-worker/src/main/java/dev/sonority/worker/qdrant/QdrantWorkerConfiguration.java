package dev.sonority.worker.qdrant;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import dev.sonority.model.vector.qdrant.QdrantStartupCheck;
import dev.sonority.model.startup.StartupWaitProperties;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.ConditionalOnVectorStore;
import dev.sonority.model.vector.store.VectorStoreKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Qdrant client of the worker, only when {@code sonority.vector-store.kind=qdrant}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVectorStore(VectorStoreKind.QDRANT)
@EnableConfigurationProperties(QdrantSettings.class)
class QdrantWorkerConfiguration {

    @Bean(destroyMethod = "close")
    QdrantGateway qdrantGateway(QdrantSettings settings) {
        return QdrantGateway.connect(settings);
    }

    @Bean
    QdrantVectorSink qdrantVectorSink(QdrantGateway gateway) {
        return new QdrantVectorSink(gateway);
    }

    @Bean
    QdrantHealth qdrantHealthIndicator(QdrantGateway gateway, QdrantSync sync, QdrantSettings settings) {
        return new QdrantHealth(gateway, sync, settings.url());
    }

    @Bean
    QdrantStartupCheck qdrantStartupCheck(QdrantGateway gateway, StartupWaitProperties wait) {
        return new QdrantStartupCheck(gateway, wait);
    }
}
