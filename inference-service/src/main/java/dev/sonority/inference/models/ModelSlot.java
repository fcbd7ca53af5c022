package dev.sonority.inference.models;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state for one manifest model: loaded (with its load context and lease count), failed (with the
 * reason and a fingerprint of the files it failed on, so replacing them clears it), or neither. Loading and
 * unloading are serialised per model by {@code loadLock}; the fields below are guarded by {@code this}.
 */
final class ModelSlot {

    private static final Logger log = LoggerFactory.getLogger(ModelSlot.class);

    private final ModelManifest.Entry entry;
    private final ModelDefinition definition;
    private final ModelCatalog catalog;
    private final OnnxRuntime runtime;
    private final BatchSettings batchSettings;
    private final MeterRegistry meters;
    private final ModelFileVerifier verifier;
    private final ReentrantLock loadLock = new ReentrantLock();

    private LoadedModel loaded;
    private TrackingLoadContext context;
    private int leases;
    private long lastUsedNanos;
    private boolean stale;
    private String failure;
    private String failureFingerprint;

    ModelSlot(ModelManifest.Entry entry, ModelDefinition definition, ModelCatalog catalog, OnnxRuntime runtime,
            BatchSettings batchSettings, MeterRegistry meters, ModelFileVerifier verifier) {
        this.entry = entry;
        this.definition = definition;
        this.catalog = catalog;
        this.runtime = runtime;
        this.batchSettings = batchSettings;
        this.meters = meters;
        this.verifier = verifier;
    }

    String name() {
        return entry.name();
    }

    /** Loads the model if needed and leases it; throws a {@link ModelRequestException} when it cannot serve. */
    ModelLease acquire() {
        loadLock.lock();
        try {
            synchronized (this) {
                if (loaded != null) {
                    leases++;
                    return new ModelLease(this, loaded);
                }
            }
            String fingerprint = fingerprint();
            synchronized (this) {
                if (failure != null && fingerprint.equals(failureFingerprint)) {
                    throw new ModelRequestException.Unavailable(name(), failure);
                }
                failure = null;
            }
            ModelStatus status = catalog.status(entry);
            if (status.state() != ModelState.INSTALLED) {
                throw new ModelRequestException.NotInstalled(name(), notInstalledReason(status));
            }
            if (definition == null) {
                throw new ModelRequestException.Unavailable(name(), "this build of inference-service has no"
                        + " implementation of model " + name());
            }
            return load(fingerprint);
        } finally {
            loadLock.unlock();
        }
    }

    private ModelLease load(String fingerprint) {
        long start = System.nanoTime();
        TrackingLoadContext attempt = new TrackingLoadContext(entry, catalog, runtime, batchSettings, meters);
        LoadedModel model;
        try {
            for (ModelManifest.ModelFile file : entry.files()) {
                verifier.verify(catalog.path(file), file.path(), catalog.expectedSha256(entry, file));
            }
            model = definition.load(attempt);
        } catch (Exception | LinkageError e) {
            attempt.close();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Model {} failed to load: {}", name(), reason, e);
            synchronized (this) {
                failure = reason;
                failureFingerprint = fingerprint;
            }
            throw new ModelRequestException.Unavailable(name(), reason);
        }
        log.info("Model {} loaded in {} ms on {}{}", name(), (System.nanoTime() - start) / 1_000_000,
                attempt.provider() == null ? "-" : attempt.provider().apiName(),
                attempt.providerNote() == null ? "" : " (" + attempt.providerNote() + ")");
        synchronized (this) {
            loaded = model;
            context = attempt;
            stale = false;
            leases++;
            return new ModelLease(this, model);
        }
    }

    void release() {
        boolean closeNow;
        synchronized (this) {
            leases--;
            lastUsedNanos = System.nanoTime();
            closeNow = stale && leases == 0;
        }
        if (closeNow) {
            unload("its files were replaced");
        }
    }

    /** Closes the model if no request holds it and it was last used more than {@code idleNanos} ago. */
    void unloadIfIdle(long idleNanos) {
        synchronized (this) {
            if (loaded == null || leases > 0 || System.nanoTime() - lastUsedNanos < idleNanos) {
                return;
            }
        }
        unload("idle");
    }

    /** Forgets a failure and unloads (now, or when its last request ends) so new files are used. */
    void reset() {
        boolean closeNow;
        synchronized (this) {
            failure = null;
            stale = loaded != null;
            closeNow = stale && leases == 0;
        }
        if (closeNow) {
            unload("its files were replaced");
        }
    }

    void unload(String why) {
        if (!loadLock.tryLock()) {
            return; // a load is under way; the next check will see it
        }
        try {
            LoadedModel model;
            TrackingLoadContext closing;
            synchronized (this) {
                if (loaded == null || leases > 0) {
                    return;
                }
                model = loaded;
                closing = context;
                loaded = null;
                context = null;
                stale = false;
            }
            try {
                model.close();
            } catch (RuntimeException e) {
                log.warn("Model {}: close failed: {}", name(), e.getMessage());
            }
            closing.close();
            log.info("Model {} unloaded ({})", name(), why);
        } finally {
            loadLock.unlock();
        }
    }

    /** The catalog's on-disk status with the registry's view on top. */
    ModelStatus status() {
        ModelStatus disk = catalog.status(entry);
        String kind = ModelName.fromApiName(name()).orElseThrow().kind().name()
                .toLowerCase(Locale.ROOT);
        synchronized (this) {
            if (loaded != null) {
                return disk.withRuntime(ModelState.LOADED, null, context.provider(), context.providerNote(),
                        context.memoryBytes(), kind);
            }
            if (failure != null && fingerprint().equals(failureFingerprint)) {
                return disk.withRuntime(ModelState.FAILED, failure, null, null, null, kind);
            }
        }
        if (disk.state() == ModelState.NOT_INSTALLED) {
            return disk.withRuntime(ModelState.NOT_INSTALLED, notInstalledReason(disk), null, null, null, kind);
        }
        String reason = definition == null ? "this build has no implementation of this model" : null;
        return disk.withRuntime(disk.state(), reason, null, null, null, kind);
    }

    private static String notInstalledReason(ModelStatus status) {
        return "files missing or incomplete in MODELS_DIR: " + status.files().stream()
                .filter(f -> f.state() != FileState.PRESENT).map(f -> f.path() + " (" + f.state().json() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Size and modification time of every file, so a failure is forgotten once the files change. */
    private String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (ModelManifest.ModelFile file : entry.files()) {
            Path path = catalog.path(file);
            try {
                text.append(Files.size(path)).append('@').append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                text.append("missing");
            }
            text.append(';');
        }
        return text.toString();
    }
}
