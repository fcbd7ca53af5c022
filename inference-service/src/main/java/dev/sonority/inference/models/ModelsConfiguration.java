package dev.sonority.inference.models;

import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.spi.ModelDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the models directory, the catalog read from the manifest, the registry and its preloader. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    @Bean
    ModelsDirectory modelsDirectory(ModelsProperties properties) {
        var root = properties.dir().toAbsolutePath().normalize();
        return () -> root;
    }

    @Bean
    ModelCatalog modelCatalog(ModelsDirectory directory) {
        return ModelCatalog.fromDirectory(directory);
    }

    @Bean(destroyMethod = "close")
    ModelRegistry modelRegistry(ModelCatalog catalog, List<ModelDefinition> definitions, OnnxRuntime runtime,
            BatchSettings batchSettings, MeterRegistry meters, ModelsProperties properties) {
        return new ModelRegistry(catalog, definitions, runtime, batchSettings, meters, properties.idleUnload());
    }

    @Bean
    ModelPreloader modelPreloader(ModelRegistry registry, ModelsProperties properties) {
        return new ModelPreloader(registry, properties.preload());
    }
}
