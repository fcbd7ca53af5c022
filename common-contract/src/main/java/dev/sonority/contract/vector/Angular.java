package dev.sonority.contract.vector;

/**
 * Angular geometry of embeddings, as AudioMuse-AI measures song paths and alchemy: the distance between two
 * directions is the angle between them divided by pi, so it runs from 0 (same direction) through 0.5
 * (orthogonal) to 1 (opposite), and unlike the cosine distance {@code 1 - cos} it obeys the triangle
 * inequality, which is what makes "the largest step" and "the total length" of a path meaningful.
 */
public final class Angular {

    private Angular() {
    }

    /** {@code arccos(cos) / pi} of two vectors of any length; 1 when either is all zeros (nothing is near it). */
    public static double distance(float[] a, float[] b) {
        double denominator = Vectors.norm(a) * Vectors.norm(b);
        return denominator == 0 ? 1 : ofCosine(Vectors.dot(a, b) / denominator);
    }

    /** The angular distance of a cosine similarity, clamped against rounding just outside [-1, 1]. */
    public static double ofCosine(double cosine) {
        return Math.acos(Math.max(-1, Math.min(1, cosine))) / Math.PI;
    }

    /**
     * The point a fraction {@code t} of the way from {@code a} to {@code b}: the direction by spherical linear
     * interpolation (slerp, constant angular speed along the great circle) and the length by linear
     * interpolation of the two lengths. Nearly parallel directions, where slerp's {@code sin(theta)} vanishes,
     * and exactly opposite ones, whose great circle is undefined, fall back to linear interpolation.
     *
     * @param t 0 gives {@code a}, 1 gives {@code b}
     */
    public static float[] interpolate(float[] a, float[] b, double t) {
        double normA = Vectors.norm(a);
        double normB = Vectors.norm(b);
        float[] point = new float[a.length];
        double theta = normA == 0 || normB == 0 ? 0 : Math.acos(Math.max(-1, Math.min(1,
                Vectors.dot(a, b) / (normA * normB))));
        double sinTheta = Math.sin(theta);
        if (sinTheta < 1e-6) {
            for (int i = 0; i < point.length; i++) {
                point[i] = (float) ((1 - t) * a[i] + t * b[i]);
            }
            return point;
        }
        double wa = Math.sin((1 - t) * theta) / sinTheta / normA;
        double wb = Math.sin(t * theta) / sinTheta / normB;
        double length = (1 - t) * normA + t * normB;
        for (int i = 0; i < point.length; i++) {
            point[i] = (float) (length * (wa * a[i] + wb * b[i]));
        }
        return point;
    }
}
