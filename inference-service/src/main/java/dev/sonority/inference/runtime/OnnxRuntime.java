package dev.sonority.inference.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX sessions with the configured provider and thread counts. When the provider cannot be added (a CPU
 * build of ONNX Runtime, missing CUDA libraries, no device) the session is opened on the CPU and the reason is
 * kept as the session's provider note and logged once per session. Thread-safe; session creation is serialised
 * so the resident-memory growth it measures belongs to one session.
 */
public final class OnnxRuntime {

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntime.class);

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final RuntimeProperties properties;
    private final ExecutionProvider requested;

    public OnnxRuntime(RuntimeProperties properties) {
        this.properties = properties;
        this.requested = properties.requestedProvider();
    }

    public ExecutionProvider requestedProvider() {
        return requested;
    }

    public OrtEnvironment environment() {
        return environment;
    }

    /** A session on {@code file}; {@code label} names it in logs and errors (e.g. the manifest path). */
    public OnnxSession open(Path file, String label) throws OrtException {
        long fileBytes;
        try {
            fileBytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return open(new ModelSource.FromFile(file), label, fileBytes);
    }

    /** A session on an in-memory model (one shipped inside a jar). */
    public OnnxSession open(byte[] model, String label) throws OrtException {
        return open(new ModelSource.FromBytes(model), label, model.length);
    }

    private synchronized OnnxSession open(ModelSource source, String label, long modelBytes) throws OrtException {
        long before = ResidentMemory.bytes();
        OrtSession session = null;
        String note = null;
        ExecutionProvider used = requested;
        if (requested != ExecutionProvider.CPU) {
            try {
                session = create(source, requested);
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                note = requested.apiName() + " requested but could not be used (" + e.getMessage()
                        + "); running on the CPU";
                log.warn("{}: {}", label, note);
                used = ExecutionProvider.CPU;
            }
        }
        if (session == null) {
            session = create(source, ExecutionProvider.CPU);
        }
        long grown = ResidentMemory.bytes() - before;
        // Resident growth is what the session costs on the CPU; where it cannot be read (or a GPU holds the
        // weights) the model size is the honest lower bound.
        long memory = used == ExecutionProvider.CPU && grown > 0 ? Math.max(grown, modelBytes) : modelBytes;
        log.info("{}: ONNX session on {} ({} MB)", label, used.apiName(), memory >> 20);
        return new OnnxSession(this, label, source, session, used, note, memory);
    }

    /** A CPU session on the same model, for batches the GPU could not hold. */
    OrtSession createOnCpu(ModelSource source) throws OrtException {
        synchronized (this) {
            return create(source, ExecutionProvider.CPU);
        }
    }

    private OrtSession create(ModelSource source, ExecutionProvider provider) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Idle intra-op threads would otherwise spin for a while after every run, burning a core that the
            // mel front end or another model's batch could use (and that a CPU-time budget counts).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (properties.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(properties.intraOpThreads());
            }
            if (properties.interOpThreads() > 0) {
                options.setInterOpNumThreads(properties.interOpThreads());
            }
            switch (provider) {
                case CPU -> { }
                case CUDA -> options.addCUDA(properties.deviceId());
                case ROCM -> options.addROCM(properties.deviceId());
            }
            return source.open(environment, options);
        }
    }
}
