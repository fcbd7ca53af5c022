package dev.sonority.inference.download;

import dev.sonority.inference.models.ModelCatalog;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
    ModelDownloads modelDownloads(ModelCatalog catalog, ModelDownloader downloader, ApplicationEventPublisher events) {
        return new ModelDownloads(catalog, downloader, events);
    }

    /** MODELS_INSTALL_BUNDLED=false keeps MODELS_DIR untouched (a read-only or shared folder). */
    @Bean
    @ConditionalOnProperty(name = "sonority.models.install-bundled", havingValue = "true", matchIfMissing = true)
    BundledModelInstaller bundledModelInstaller(ModelCatalog catalog, ModelDownloads downloads) {
        return new BundledModelInstaller(catalog, downloads);
    }
}
