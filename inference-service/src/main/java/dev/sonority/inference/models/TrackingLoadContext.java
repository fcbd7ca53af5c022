package dev.sonority.inference.models;

import ai.onnxruntime.OrtException;
import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.batching.MicrometerBatchObserver;
import dev.sonority.inference.runtime.ExecutionProvider;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.ModelLoadContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelLoadContext} of one load of one model: remembers every session and batcher it made, so the
 * registry can report their provider and memory and close them when the model unloads.
 */
final class TrackingLoadContext implements ModelLoadContext, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackingLoadContext.class);

    private final ModelManifest.Entry entry;
    private final ModelCatalog catalog;
    private final OnnxRuntime runtime;
    private final BatchSettings batchSettings;
    private final MeterRegistry meters;
    private final List<OnnxSession> sessions = new CopyOnWriteArrayList<>();
    private final List<DynamicBatcher<?, ?>> batchers = new CopyOnWriteArrayList<>();

    TrackingLoadContext(ModelManifest.Entry entry, ModelCatalog catalog, OnnxRuntime runtime,
            BatchSettings batchSettings, MeterRegistry meters) {
        this.entry = entry;
        this.catalog = catalog;
        this.runtime = runtime;
        this.batchSettings = batchSettings;
        this.meters = meters;
    }

    @Override
    public String version() {
        return entry.version();
    }

    @Override
    public Map<String, Object> input() {
        return Objects.requireNonNullElse(entry.input(), Map.of());
    }

    @Override
    public Map<String, Object> outputDims() {
        return Objects.requireNonNullElse(entry.outputDims(), Map.of());
    }

    @Override
    public Path file(String manifestPath) {
        return entry.files().stream().filter(f -> f.path().equals(manifestPath)).findFirst().map(catalog::path)
                .orElseThrow(() -> new IllegalArgumentException("model " + entry.name() + " has no file '"
                        + manifestPath + "' in its manifest entry"));
    }

    @Override
    public OnnxSession openSession(String manifestPath) throws OrtException {
        OnnxSession session = runtime.open(file(manifestPath), manifestPath);
        sessions.add(session);
        return session;
    }

    @Override
    public <I, O> DynamicBatcher<I, O> batcher(String graph, BatchFunction<I, O> function) {
        DynamicBatcher<I, O> batcher = new DynamicBatcher<>(entry.name() + "/" + graph, batchSettings, function,
                new MicrometerBatchObserver(meters, entry.name(), graph));
        batchers.add(batcher);
        return batcher;
    }

    /** The provider the sessions run on: the requested one, or the CPU where any of them fell back. */
    ExecutionProvider provider() {
        return sessions.stream().map(OnnxSession::provider).filter(p -> p != runtime.requestedProvider())
                .findFirst().orElse(sessions.isEmpty() ? null : runtime.requestedProvider());
    }

    String providerNote() {
        return sessions.stream().map(OnnxSession::providerNote).filter(Objects::nonNull).findFirst().orElse(null);
    }

    long memoryBytes() {
        return sessions.stream().mapToLong(OnnxSession::memoryBytes).sum();
    }

    /** Stops the batchers, then closes the sessions. */
    @Override
    public void close() {
        batchers.forEach(DynamicBatcher::close);
        for (OnnxSession session : sessions) {
            try {
                session.close();
            } catch (OrtException | RuntimeException e) {
                log.warn("{}: closing session {} failed: {}", entry.name(), session.label(), e.getMessage());
            }
        }
        batchers.clear();
        sessions.clear();
    }
}
