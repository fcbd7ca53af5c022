package dev.sonority.inference.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one ONNX Runtime of the service. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    OnnxRuntime onnxRuntime(RuntimeProperties properties) {
        return new OnnxRuntime(properties);
    }
}
