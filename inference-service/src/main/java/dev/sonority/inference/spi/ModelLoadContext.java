package dev.sonority.inference.spi;

import ai.onnxruntime.OrtException;
import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.runtime.OnnxSession;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the registry hands to {@link ModelDefinition#load}: the model's manifest entry, its files, and the shared
 * ONNX Runtime. Sessions and batchers made here are tracked: their provider and memory are reported in
 * {@code GET /v1/models}, and they are closed when the model unloads.
 */
public interface ModelLoadContext {

    /** The manifest's {@code version} of this model. */
    String version();

    /** The manifest's {@code input} object (sample_rate, tensor names, shapes, ...), never null. */
    Map<String, Object> input();

    /** The manifest's {@code output_dims} object, never null. */
    Map<String, Object> outputDims();

    /**
     * The absolute path of one of this model's manifest files ({@code "clap/clap-audio.onnx"}); it exists and its
     * sha256 matched the manifest (where the manifest has one). Throws {@link IllegalArgumentException} for a
     * path that is not in this model's manifest entry.
     */
    Path file(String manifestPath);

    /**
     * Opens an ONNX session on one of this model's files with the configured execution provider
     * ({@code INFERENCE_PROVIDER}, CPU fallback when it cannot load) and thread counts. Check its inputs with
     * {@link OnnxSession#requireInput} so that a mismatched file fails the load with a clear reason.
     */
    OnnxSession openSession(String manifestPath) throws OrtException;

    /**
     * A dynamic batcher for this model (one per ONNX graph is usual): items from concurrent requests are joined
     * into runs of up to {@code INFERENCE_BATCH_MAX} items, waiting at most {@code INFERENCE_BATCH_WAIT}
     * for more; a GPU out-of-memory run is retried in halves, then on the CPU. {@code graph} names it in metrics.
     */
    <I, O> DynamicBatcher<I, O> batcher(String graph, BatchFunction<I, O> function);
}
