package dev.sonority.inference.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.runtime.Placement;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Runs a graph with one float input and one float output on a batch of items: items of equal length are stacked
 * into {@code [B, itemShape...]} (items of different lengths, e.g. two short tracks, go in separate runs), and
 * each item gets its slice of the output back, flattened.
 */
public final class FloatTensorRunner implements BatchFunction<float[], float[]> {

    private final OnnxSession session;
    private final String input;
    private final String output;
    private final IntFunction<long[]> itemShape;

    /**
     * @param itemShape the shape of one item of the given length, without the batch axis ({@code [T]} for a
     *        waveform, {@code [1, frames, bands]} for a mel window)
     */
    public FloatTensorRunner(OnnxSession session, String input, String output, IntFunction<long[]> itemShape) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.itemShape = itemShape;
    }

    @Override
    public List<float[]> run(List<float[]> batch, Placement placement) throws Exception {
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byLength.computeIfAbsent(batch.get(i).length, k -> new ArrayList<>()).add(i);
        }
        float[][] results = new float[batch.size()][];
        for (Map.Entry<Integer, List<Integer>> group : byLength.entrySet()) {
            List<Integer> indices = group.getValue();
            int length = group.getKey();
            FloatBuffer data = FloatBuffer.allocate(length * indices.size());
            for (int i : indices) {
                data.put(batch.get(i));
            }
            data.flip();
            long[] item = itemShape.apply(length);
            long[] shape = new long[item.length + 1];
            shape[0] = indices.size();
            System.arraycopy(item, 0, shape, 1, item.length);
            try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), data, shape);
                    OrtSession.Result result = session.run(Map.of(input, tensor), placement)) {
                OnnxValue value = result.get(output).orElseThrow(
                        () -> new IllegalStateException(session.label() + " returned no '" + output + "'"));
                FloatBuffer out = ((OnnxTensor) value).getFloatBuffer();
                int per = out.remaining() / indices.size();
                for (int k = 0; k < indices.size(); k++) {
                    float[] slice = new float[per];
                    out.get(k * per, slice);
                    results[indices.get(k)] = slice;
                }
            }
        }
        return List.of(results);
    }
}
