package dev.sonority.model;

import dev.sonority.model.job.QueueProperties;
import dev.sonority.model.vector.store.VectorStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Imported by every service that touches the database: registers the entities and repositories of
 * common-model (they live outside the services' own packages), the queue naming properties and the vector store.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = "dev.sonority.model")
@EnableJpaRepositories(basePackages = "dev.sonority.model")
@EnableConfigurationProperties({QueueProperties.class, VectorStoreProperties.class})
public class CommonModelConfiguration {
}
