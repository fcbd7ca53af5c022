package dev.sonority.inference.models;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the models directory and the catalog read from the manifest. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    @Bean
    ModelsDirectory modelsDirectory(ModelsProperties properties) {
        var root = properties.dir().toAbsolutePath().normalize();
        return () -> root;
    }

    @Bean
    ModelCatalog modelCatalog(ModelsDirectory directory) {
        return ManifestLocator.load(directory, new ManifestReader());
    }
}
