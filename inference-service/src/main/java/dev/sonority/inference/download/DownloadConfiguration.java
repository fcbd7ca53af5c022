package dev.sonority.inference.download;

import dev.sonority.inference.models.ModelCatalog;
import dev.sonority.inference.models.ModelsProperties;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The downloader and the background download jobs. */
@Configuration(proxyBeanMethods = false)
class DownloadConfiguration {

    /** Resumed up to five times: large files over flaky links break off now and then. */
    private static final int ATTEMPTS = 5;

    @Bean
    ModelDownloader modelDownloader() {
        return ModelDownloader.overHttp(Duration.ofSeconds(15), Duration.ofSeconds(60), ATTEMPTS);
    }

    @Bean
    ModelDownloads modelDownloads(ModelCatalog catalog, ModelDownloader downloader, ApplicationEventPublisher events,
            ModelsProperties properties) {
        return new ModelDownloads(catalog, downloader, events, properties.acceptLicence());
    }

    /** MODELS_INSTALL_BUNDLED=false keeps MODELS_DIR untouched (a read-only or shared folder). */
    @Bean
    BundledModelInstaller bundledModelInstaller(ModelCatalog catalog, ModelDownloads downloads,
            ModelsProperties properties) {
        return new BundledModelInstaller(catalog, downloads, properties.installBundled());
    }
}
