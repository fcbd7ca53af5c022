package dev.sonority.api.index;

import dev.sonority.model.vector.store.ConditionalOnVectorStore;
import dev.sonority.model.vector.store.VectorStoreKind;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.job.QueueProperties;
import dev.sonority.model.vector.store.VectorStore;
import javax.sql.DataSource;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded vector store (the default, {@code sonority.vector-store.kind=embedded}): indexes, their
 * loader and refresher, and this instance's subscription to index events. Nothing here exists with Qdrant.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVectorStore(VectorStoreKind.EMBEDDED)
@EnableConfigurationProperties(IndexProperties.class)
public class IndexConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedIndexes embeddedIndexes(DataSource dataSource, IndexProperties properties) {
        return new EmbeddedIndexes(new EmbeddingRows(dataSource), new SnapshotStore(properties.snapshotDir()),
                properties.hnsw());
    }

    @Bean
    VectorStore embeddedVectorStore(EmbeddedIndexes indexes) {
        return new EmbeddedVectorStore(indexes);
    }

    @Bean(destroyMethod = "close")
    IndexRefresher indexRefresher(EmbeddedIndexes indexes, IndexProperties properties) {
        return new IndexRefresher(indexes, properties.reconcileInterval());
    }

    @Bean
    Queue indexEventsQueue() {
        return new AnonymousQueue();
    }

    @Bean
    Binding indexEventsBinding(Queue indexEventsQueue, QueueProperties queues) {
        JobTopology topology = queues.topology();
        return BindingBuilder.bind(indexEventsQueue).to(new TopicExchange(topology.eventsExchange(), true, false))
                .with(JobTopology.indexChangedRoutingKey("*"));
    }

    @Bean
    IndexEventListener indexEventListener(IndexRefresher refresher) {
        return new IndexEventListener(refresher);
    }

    @Bean
    IndexController indexController(EmbeddedIndexes indexes, IndexRefresher refresher) {
        return new IndexController(indexes, refresher);
    }
}
