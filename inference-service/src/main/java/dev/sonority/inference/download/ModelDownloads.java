package dev.sonority.inference.download;

import dev.sonority.inference.models.ModelCatalog;
import dev.sonority.inference.models.ModelFilesInstalledEvent;
import dev.sonority.inference.models.ModelManifest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs model downloads in the background, at most one per model at a time, and keeps the latest status of each
 * (in memory: after a restart, a new request resumes from the {@code .part} files on disk).
 */
public class ModelDownloads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ModelDownloads.class);

    private final ModelCatalog catalog;
    private final ModelDownloader downloader;
    private final ApplicationEventPublisher events;
    private final boolean licencesAccepted;
    private final Map<String, DownloadStatus> statuses = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** @param licencesAccepted MODELS_ACCEPT_LICENCE: the operator accepted every model's licence up front */
    public ModelDownloads(ModelCatalog catalog, ModelDownloader downloader, ApplicationEventPublisher events,
            boolean licencesAccepted) {
        this.catalog = catalog;
        this.downloader = downloader;
        this.events = events;
        this.licencesAccepted = licencesAccepted;
    }

    /**
     * Starts downloading {@code name} unless a download of it is already queued or running (then that one's
     * status is returned).
     *
     * @throws UnknownModelException no such model in the manifest
     * @param licenceAccepted the caller accepted the model's licence (needed for non-commercial weights unless
     *        MODELS_ACCEPT_LICENCE is set)
     * @throws NotDownloadableException a file has no download URL
     * @throws LicenceNotAcceptedException non-commercial weights and no acceptance: nothing is fetched
     */
    public DownloadStatus start(String name, boolean licenceAccepted) {
        ModelManifest.Entry entry = entry(name);
        ModelDownloader.requireDownloadable(entry);
        if (entry.requiresLicenceAcceptance() && !licenceAccepted && !licencesAccepted) {
            throw new LicenceNotAcceptedException(name, entry.license());
        }
        DownloadStatus queued = new DownloadStatus(name, DownloadStatus.State.QUEUED, null, 0, total(entry), null,
                null, Instant.now(), null, DownloadStatus.unverified(entry));
        DownloadStatus current = statuses.compute(name,
                (key, previous) -> previous != null && !previous.state().finished() ? previous : queued);
        if (current == queued) {
            executor.execute(() -> run(entry, queued.startedAt()));
        }
        return current;
    }

    public Optional<DownloadStatus> status(String name) {
        return Optional.ofNullable(statuses.get(name));
    }

    private void run(ModelManifest.Entry entry, Instant startedAt) {
        String name = entry.name();
        log.info("Downloading model {} into {}", name, catalog.modelsDir());
        try {
            int fetched = downloader.install(entry, catalog.modelsDir(), (file, done, total) -> statuses.put(name,
                    new DownloadStatus(name, DownloadStatus.State.RUNNING, file.isEmpty() ? null : file, done,
                            total < 0 ? null : total, total <= 0 ? null : Math.min(1.0, done / (double) total), null,
                            startedAt, null, DownloadStatus.unverified(entry))));
            DownloadStatus last = statuses.get(name);
            statuses.put(name, new DownloadStatus(name, DownloadStatus.State.COMPLETED, null, last.bytesDone(),
                    last.bytesTotal(), last.bytesTotal() == null ? null : 1.0, null, startedAt, Instant.now(),
                    last.unverified()));
            log.info("Model {} installed ({} files, {} bytes fetched)", name, fetched, last.bytesDone());
            if (fetched > 0) { // unchanged files: a loaded model can stay loaded
                events.publishEvent(new ModelFilesInstalledEvent(name));
            }
        } catch (RuntimeException e) {
            log.warn("Download of model {} failed: {}", name, e.getMessage());
            DownloadStatus last = statuses.get(name);
            statuses.put(name, new DownloadStatus(name, DownloadStatus.State.FAILED, last.file(), last.bytesDone(),
                    last.bytesTotal(), last.progress(), e.getMessage(), startedAt, Instant.now(), last.unverified()));
        }
    }

    /** Installs {@code entry} on the calling thread (bundled files at startup), then announces it. */
    void installNow(ModelManifest.Entry entry) {
        if (downloader.install(entry, catalog.modelsDir(), DownloadProgress.NONE) > 0) {
            events.publishEvent(new ModelFilesInstalledEvent(entry.name()));
        }
    }

    private ModelManifest.Entry entry(String name) {
        return catalog.entry(name).orElseThrow(() -> new UnknownModelException(
                "No model '" + name + "' in the manifest " + catalog.manifestLocation()));
    }

    private static Long total(ModelManifest.Entry entry) {
        long total = 0;
        for (ModelManifest.ModelFile file : entry.files()) {
            if (file.size() == null) {
                return null;
            }
            total += file.size();
        }
        return total;
    }

    @Override
    public void destroy() {
        executor.shutdownNow(); // a .part file survives; the next request resumes it
    }
}
