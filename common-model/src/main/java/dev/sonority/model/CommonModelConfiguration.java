package dev.sonority.model;

import dev.sonority.model.analysis.AnalysisTransitions;
import dev.sonority.model.job.QueueProperties;
import dev.sonority.model.startup.StartupWaitProperties;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.vector.store.VectorStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Imported by every service that touches the database: the state transitions of tasks and song analyses
 * (they live outside the services' own packages, so no component scan finds them), the queue naming
 * properties, the vector store, and the startup wait settings.
 */
@Configuration(proxyBeanMethods = false)
@Import({TaskTransitions.class, AnalysisTransitions.class})
@EnableConfigurationProperties({QueueProperties.class, VectorStoreProperties.class, StartupWaitProperties.class})
public class CommonModelConfiguration {
}
