package dev.sonority.inference.embedding;

import java.util.List;

/** Mean and L2 normalisation of embedding vectors, accumulated in double so averaging many windows stays exact. */
public final class Vectors {

    private Vectors() {
    }

    /** {@code v / |v|}; a zero or non-finite vector cannot be normalised and is a model failure. */
    public static float[] l2Normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalStateException("the model produced a vector of norm " + norm
                    + " (all zeros, NaN or infinite), which cannot be normalised");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
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
