package dev.sonority.contract.vector;

/**
 * Vector maths shared by every module, and the one L2 normalisation. Sums are accumulated in double; loops are
 * plain so the JIT can vectorise them.
 *
 * <p><b>The zero-vector rule.</b> Every vector Sonority stores or searches is compared by cosine, so it must
 * have a direction: at least one value, every value finite, and a norm above zero ({@link #hasDirection}).
 * {@link #normalizeInPlace} refuses anything else with an {@link IllegalArgumentException} rather than return
 * zeros or NaN that would match nothing, or everything. What such a vector means is the caller's to say, and
 * each says it before normalising: inference-service answers 500 (a model that returns all zeros has failed,
 * and no such embedding leaves the service); the worker marks that model's analysis of the song FAILED and
 * stores nothing; the API answers that the model is unusable (a text query) or, in the index, skips a stored
 * row (a guard: the worker never writes one). Qdrant's own rule differs (it keeps a zero vector as it is), which
 * is why none is ever sent to it.
 */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Cosine similarity in [-1, 1]; 0 when either vector is all zeros (rather than NaN). */
    public static double cosine(float[] a, float[] b) {
        double denominator = norm(a) * norm(b);
        return denominator == 0 ? 0 : dot(a, b) / denominator;
    }

    /** Whether {@code a} can be normalised: it has values, all finite, not all zero. */
    public static boolean hasDirection(float[] a) {
        return hasDirection(norm(a));
    }

    /**
     * Squares are summed in double, so no finite float vector overflows: an empty or all-zero vector has norm 0,
     * one holding NaN or infinity a norm that is NaN or infinite.
     */
    private static boolean hasDirection(double norm) {
        return norm > 0 && Double.isFinite(norm);
    }

    /**
     * Scales {@code a} to unit length in place and returns it.
     *
     * @throws IllegalArgumentException when {@code a} has no direction ({@link #hasDirection}): empty, all zeros,
     *     or holding NaN or infinity (see the zero-vector rule above)
     */
    public static float[] normalizeInPlace(float[] a) {
        double norm = norm(a);
        if (!hasDirection(norm)) {
            throw new IllegalArgumentException("a vector of " + a.length + " values and norm " + norm
                    + " has no direction (empty, all zeros, NaN or infinite) and cannot be normalised");
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (a[i] / norm);
        }
        return a;
    }

    /** Whether every component is a finite number: no NaN or infinity is ever stored. */
    public static boolean allFinite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
    }
}
