package dev.sonority.inference.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request metrics of the embed endpoints. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    InferenceMetrics inferenceMetrics(MeterRegistry meters) {
        return new InferenceMetrics(meters);
    }
}
