package dev.sonority.inference.batching;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How every model's batchers form batches. */
@Configuration(proxyBeanMethods = false)
class BatchingConfiguration {

    @Bean
    BatchSettings batchSettings(BatchingProperties properties) {
        return properties.settings();
    }
}
