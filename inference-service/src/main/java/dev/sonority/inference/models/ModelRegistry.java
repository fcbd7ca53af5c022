package dev.sonority.inference.models;

import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.spi.ModelDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * The models the service hosts: one slot per manifest entry, each served by the {@link ModelDefinition} bean of
 * that name (if this build has one). Models load on their first request or at start ({@code MODELS_PRELOAD}),
 * are closed after {@code MODELS_IDLE_UNLOAD} without use, and a model that fails to load is marked failed with
 * the reason while every other model keeps working.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final ModelCatalog catalog;
    private final Map<String, ModelSlot> slots = new LinkedHashMap<>();
    private final ScheduledExecutorService idleChecker;

    public ModelRegistry(ModelCatalog catalog, List<ModelDefinition> definitions, OnnxRuntime runtime,
            BatchSettings batchSettings, MeterRegistry meters, Duration idleUnload) {
        this.catalog = catalog;
        Map<String, ModelDefinition> byName = new LinkedHashMap<>();
        for (ModelDefinition definition : definitions) {
            if (byName.put(definition.name().apiName(), definition) != null) {
                throw new IllegalStateException("two ModelDefinition beans for model " + definition.name());
            }
        }
        ModelFileVerifier verifier = new ModelFileVerifier();
        for (ModelManifest.Entry entry : catalog.entries()) {
            slots.put(entry.name(), new ModelSlot(entry, byName.get(entry.name()), catalog, runtime, batchSettings,
                    meters, verifier));
        }
        this.idleChecker = idleUnload.isZero() ? null : startIdleChecker(idleUnload);
    }

    private ScheduledExecutorService startIdleChecker(Duration idle) {
        long idleNanos = idle.toNanos();
        long period = Math.clamp(idle.toMillis() / 4, 200, 60_000);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("model-idle-unload").daemon().factory());
        executor.scheduleWithFixedDelay(() -> slots.values().forEach(slot -> {
            try {
                slot.unloadIfIdle(idleNanos);
            } catch (RuntimeException e) {
                log.warn("Idle unload of {} failed", slot.name(), e);
            }
        }), period, period, TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Every manifest model with its state, in manifest order. */
    public List<ModelStatus> models() {
        return slots.values().stream().map(ModelSlot::status).toList();
    }

    /** One model's state; {@link ModelRequestException.Unknown} when it is not in the manifest. */
    public ModelStatus model(String name) {
        return slot(name).status();
    }

    /**
     * The model, loaded if it was not, leased to the caller until the lease is closed. Throws
     * {@link ModelRequestException} when it is unknown, not installed or failed.
     */
    public ModelLease acquire(String name) {
        return slot(name).acquire();
    }

    /** Forgets a failure and reloads from the (new) files on the next request. */
    public void reset(String name) {
        slot(name).reset();
    }

    @EventListener
    void onFilesInstalled(ModelFilesInstalledEvent event) {
        if (slots.containsKey(event.model())) {
            reset(event.model());
        }
    }

    /** The manifest's location, for messages. */
    public String manifestLocation() {
        return catalog.manifestLocation();
    }

    private ModelSlot slot(String name) {
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            throw new ModelRequestException.Unknown(name, "unknown model '" + name + "'; the manifest "
                    + catalog.manifestLocation() + " lists " + slots.keySet());
        }
        return slot;
    }

    @Override
    public void close() {
        if (idleChecker != null) {
            idleChecker.shutdownNow();
        }
        slots.values().forEach(slot -> slot.unload("shutdown"));
    }
}
