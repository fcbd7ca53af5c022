package dev.sonority.inference.embedding;

import java.util.List;

/**
 * Pooling of window and frame embeddings into one vector, accumulated in double so averaging many windows stays
 * exact. The L2 normalisation that follows is common-contract's {@link dev.sonority.contract.vector.Vectors}.
 */
public final class Pooling {

    private Pooling() {
    }

    /** Element-wise mean of equally long vectors. */
    public static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        int dim = vectors.getFirst().length;
        double[] sum = new double[dim];
        for (float[] v : vectors) {
            if (v.length != dim) {
                throw new IllegalArgumentException("vectors of " + dim + " and " + v.length + " values");
            }
            for (int i = 0; i < dim; i++) {
                sum[i] += v[i];
            }
        }
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (sum[i] / vectors.size());
        }
        return out;
    }

    /**
     * The mean over rows of a row-major {@code [groups][rows][dim]} block flattened in {@code data}: mean over
     * every row of every group (mert: over layers 12-15 and time), as one {@code dim} vector.
     */
    public static float[] meanRows(float[] data, int dim) {
        if (data.length == 0 || data.length % dim != 0) {
            throw new IllegalArgumentException(data.length + " values are not rows of " + dim);
        }
        int rows = data.length / dim;
        double[] sum = new double[dim];
        for (int r = 0; r < rows; r++) {
            int base = r * dim;
            for (int i = 0; i < dim; i++) {
                sum[i] += data[base + i];
            }
        }
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (sum[i] / rows);
        }
        return out;
    }
}
