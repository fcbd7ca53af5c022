package dev.sonority.inference.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX graph, opened once and reused by every request ({@code OrtSession.run} is thread-safe). Besides the
 * session on the configured provider it can open a CPU twin on demand, for batches a GPU could not hold.
 */
public final class OnnxSession implements AutoCloseable {

    private final OnnxRuntime runtime;
    private final String label;
    private final ModelSource source;
    private final OrtSession session;
    private final ExecutionProvider provider;
    private final String providerNote;
    private final long memoryBytes;
    private volatile OrtSession cpuTwin;

    OnnxSession(OnnxRuntime runtime, String label, ModelSource source, OrtSession session, ExecutionProvider provider,
            String providerNote, long memoryBytes) {
        this.runtime = runtime;
        this.label = label;
        this.source = source;
        this.session = session;
        this.provider = provider;
        this.providerNote = providerNote;
        this.memoryBytes = memoryBytes;
    }

    /** The environment to create input tensors with. */
    public OrtEnvironment environment() {
        return runtime.environment();
    }

    public String label() {
        return label;
    }

    /** The provider the session runs on. */
    public ExecutionProvider provider() {
        return provider;
    }

    /** Why the provider differs from the requested one, or null. */
    public String providerNote() {
        return providerNote;
    }

    /** Memory the session holds (resident growth while it was created, at least the model size). */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** Runs the graph; close the result when done with its tensors. */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs, Placement placement)
            throws OrtException {
        return switch (placement) {
            case PREFERRED -> session.run(inputs);
            case CPU -> cpu().run(inputs);
        };
    }

    /** Runs the graph on the configured provider. */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs) throws OrtException {
        return run(inputs, Placement.PREFERRED);
    }

    /**
     * Checks that input {@code name} exists and is a float tensor of {@code shape}, where {@code -1} accepts any
     * size (a dynamic batch axis) on either side.
     */
    public void requireInput(String name, long... shape) throws OrtException, ModelContractException {
        require("input", session.getInputInfo(), name, shape);
    }

    /** As {@link #requireInput}, for an output. */
    public void requireOutput(String name, long... shape) throws OrtException, ModelContractException {
        require("output", session.getOutputInfo(), name, shape);
    }

    private void require(String what, Map<String, NodeInfo> nodes, String name, long[] shape)
            throws ModelContractException {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new ModelContractException(label + " has no " + what + " '" + name + "' (it has " + nodes.keySet()
                    + "): not the model the manifest describes");
        }
        if (!(node.getInfo() instanceof TensorInfo tensor)) {
            throw new ModelContractException(label + ": " + what + " '" + name + "' is not a tensor");
        }
        long[] actual = tensor.getShape();
        boolean matches = actual.length == shape.length;
        for (int i = 0; matches && i < shape.length; i++) {
            matches = shape[i] < 0 || actual[i] < 0 || shape[i] == actual[i];
        }
        if (!matches) {
            throw new ModelContractException(label + ": " + what + " '" + name + "' has shape "
                    + Arrays.toString(actual) + ", the manifest's contract is " + Arrays.toString(shape)
                    + " (-1 = any size)");
        }
    }

    private OrtSession cpu() throws OrtException {
        if (provider == ExecutionProvider.CPU) {
            return session;
        }
        OrtSession twin = cpuTwin;
        if (twin == null) {
            synchronized (this) {
                if (cpuTwin == null) {
                    cpuTwin = runtime.createOnCpu(source);
                }
                twin = cpuTwin;
            }
        }
        return twin;
    }

    @Override
    public synchronized void close() throws OrtException {
        session.close();
        if (cpuTwin != null) {
            cpuTwin.close();
            cpuTwin = null;
        }
    }
}
