package dev.sonority.contract.vector;

/** Small vector helpers shared by the services. Loops are plain so the JIT can vectorise them. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
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

    /** Scales {@code a} to unit length in place; a zero vector stays zero. Returns {@code a}. */
    public static float[] normalizeInPlace(float[] a) {
        double norm = norm(a);
        if (norm > 0) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (a[i] / norm);
            }
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
