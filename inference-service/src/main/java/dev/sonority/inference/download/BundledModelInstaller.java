package dev.sonority.inference.download;

import dev.sonority.inference.models.ModelCatalog;
import dev.sonority.inference.models.ModelState;
import dev.sonority.inference.models.ModelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * At startup, installs every model whose files all ship inside a jar ({@code classpath:} URLs: text_minilm) and
 * are missing from MODELS_DIR, so the offline text model goes through the same files, registry and ONNX path as
 * the downloaded ones. Runs before the registry preloads. A read-only MODELS_DIR is only a warning;
 * MODELS_INSTALL_BUNDLED=false turns it off.
 */
class BundledModelInstaller implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(BundledModelInstaller.class);

    private final ModelCatalog catalog;
    private final ModelDownloads downloads;
    private final boolean enabled;

    BundledModelInstaller(ModelCatalog catalog, ModelDownloads downloads, boolean enabled) {
        this.catalog = catalog;
        this.downloads = downloads;
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            log.info("MODELS_INSTALL_BUNDLED=false: the models shipped inside the jar are not copied into {}",
                    catalog.modelsDir());
            return;
        }
        for (ModelStatus model : catalog.models()) {
            var entry = catalog.entry(model.name()).orElseThrow();
            if (model.state() == ModelState.NOT_INSTALLED && ModelDownloader.isBundled(entry)) {
                try {
                    downloads.installNow(entry);
                    log.info("Installed the bundled model {} into {}", model.name(), catalog.modelsDir());
                } catch (DownloadException e) {
                    log.warn("Could not install the bundled model {} into {}: {}", model.name(), catalog.modelsDir(),
                            e.getMessage());
                }
            }
        }
    }
}
