package dev.sonority.inference.models;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads the {@code MODELS_PRELOAD} models at start. Application runners finish before the service reports
 * readiness, so a load balancer sends no traffic until they are loaded; one that fails is logged and stays
 * {@code failed} in GET /v1/models without stopping the service.
 */
final class ModelPreloader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelPreloader.class);

    private final ModelRegistry registry;
    private final List<String> names;

    ModelPreloader(ModelRegistry registry, List<String> preload) {
        this.registry = registry;
        this.names = resolve(registry, preload);
    }

    /** {@code all} means every installed model; other names must be in the manifest. */
    private static List<String> resolve(ModelRegistry registry, List<String> preload) {
        if (preload.size() == 1 && preload.getFirst().equalsIgnoreCase("all")) {
            return registry.models().stream().filter(m -> m.state() == ModelState.INSTALLED)
                    .map(ModelStatus::name).toList();
        }
        for (String name : preload) {
            try {
                registry.model(name);
            } catch (ModelRequestException.Unknown e) {
                throw new IllegalArgumentException("MODELS_PRELOAD: " + e.getMessage(), e);
            }
        }
        return preload;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : names) {
            try (ModelLease ignored = registry.acquire(name)) {
                log.info("Preloaded model {}", name);
            } catch (ModelRequestException e) {
                log.error("MODELS_PRELOAD: model {} is not available: {}", name, e.getMessage());
            }
        }
    }
}
