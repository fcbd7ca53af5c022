package dev.sonority.inference.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.runtime.Placement;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a text graph on a batch of tokenized texts: pads them with {@code padId} (to {@code padTo} tokens, or to
 * the longest text of the batch when {@code padTo} is 0) into {@code input_ids} and {@code attention_mask}
 * (and zero {@code token_type_ids} for BERT graphs), and returns one vector per text: the graph's pooled
 * {@code [B, D]} output as it is, or for a {@code [B, L, D]} output its mean over the tokens the attention mask
 * keeps (sentence-transformers' mean pooling). Vectors are not normalised here.
 */
public final class TextTowerRunner implements BatchFunction<TokenizedText, float[]> {

    public static final String INPUT_IDS = "input_ids";
    public static final String ATTENTION_MASK = "attention_mask";
    public static final String TOKEN_TYPE_IDS = "token_type_ids";

    /** What the graph's output holds. */
    public enum Output {
        /** {@code [B, D]}: already one vector per text. */
        POOLED,
        /** {@code [B, L, D]}: per-token vectors, mean-pooled over the attention mask here. */
        TOKENS
    }

    private final OnnxSession session;
    private final String output;
    private final Output kind;
    private final int dim;
    private final long padId;
    private final int padTo;
    private final boolean tokenTypes;
    private final boolean onePerRun;

    /**
     * @param onePerRun run every text alone, unpadded: for dynamically quantized graphs, whose activation scale
     *        is taken over the whole input tensor, so that batch neighbours and padding would change a text's vector
     */
    public TextTowerRunner(OnnxSession session, String output, Output kind, int dim, long padId, int padTo,
            boolean tokenTypes, boolean onePerRun) {
        this.session = session;
        this.output = output;
        this.kind = kind;
        this.dim = dim;
        this.padId = padId;
        this.padTo = padTo;
        this.tokenTypes = tokenTypes;
        this.onePerRun = onePerRun;
    }

    @Override
    public List<float[]> run(List<TokenizedText> batch, Placement placement) throws Exception {
        if (onePerRun && batch.size() > 1) {
            List<float[]> out = new ArrayList<>(batch.size());
            for (TokenizedText text : batch) {
                out.add(runTogether(List.of(text), placement).getFirst());
            }
            return out;
        }
        return runTogether(batch, placement);
    }

    private List<float[]> runTogether(List<TokenizedText> batch, Placement placement) throws Exception {
        int b = batch.size();
        int length = padTo;
        if (length == 0) {
            for (TokenizedText t : batch) {
                length = Math.max(length, t.ids().length);
            }
        }
        long[] ids = new long[b * length];
        long[] mask = new long[b * length];
        Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            long[] t = batch.get(i).ids();
            System.arraycopy(t, 0, ids, i * length, t.length);
            Arrays.fill(mask, i * length, i * length + t.length, 1L);
        }
        long[] shape = {b, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(session.environment(), LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(session.environment(), LongBuffer.wrap(mask), shape));
            if (tokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(session.environment(),
                        LongBuffer.wrap(new long[b * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, placement)) {
                FloatBuffer out = ((OnnxTensor) result.get(output).orElseThrow(
                        () -> new IllegalStateException(session.label() + " returned no '" + output + "'")))
                        .getFloatBuffer();
                return kind == Output.POOLED ? pooled(out, b) : meanPooled(out, mask, b, length);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private List<float[]> pooled(FloatBuffer out, int b) {
        List<float[]> vectors = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            float[] v = new float[dim];
            out.get(i * dim, v);
            vectors.add(v);
        }
        return vectors;
    }

    private List<float[]> meanPooled(FloatBuffer out, long[] mask, int b, int length) {
        List<float[]> vectors = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            double[] sum = new double[dim];
            int kept = 0;
            for (int t = 0; t < length; t++) {
                if (mask[i * length + t] == 0) {
                    continue;
                }
                kept++;
                int base = (i * length + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += out.get(base + d);
                }
            }
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (sum[d] / Math.max(1, kept));
            }
            vectors.add(v);
        }
        return vectors;
    }
}
