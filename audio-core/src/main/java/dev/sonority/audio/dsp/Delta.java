package dev.sonority.audio.dsp;

/**
 * First-order delta features as {@code librosa.feature.delta(width=9, order=1, mode="interp")}: a Savitzky-Golay
 * derivative of polynomial order 1 over 9 frames, {@code d[t] = sum_{k=-4..4} k x[t + k] / 60}. With
 * {@code mode="interp"} the first and last 4 frames take the slope of the least-squares line through the first /
 * last 9 frames, which for order 1 equals {@code d[4]} / {@code d[T - 5]}. Needs at least 9 frames.
 */
public final class Delta {

    public static final int WIDTH = 9;

    private Delta() {}

    /**
     * Deltas of {@code frames} frame-major frames of {@code dims} values from {@code in} into {@code out}
     * (same layout).
     */
    public static void compute(double[] in, int frames, int dims, double[] out) {
        if (frames < WIDTH) {
            throw new IllegalArgumentException("delta needs at least " + WIDTH + " frames, got " + frames);
        }
        int half = WIDTH / 2;
        for (int t = half; t < frames - half; t++) {
            for (int d = 0; d < dims; d++) {
                double sum = 0;
                for (int k = 1; k <= half; k++) {
                    sum += k * (in[(t + k) * dims + d] - in[(t - k) * dims + d]);
                }
                out[t * dims + d] = sum / 60.0;
            }
        }
        for (int t = 0; t < half; t++) {
            System.arraycopy(out, half * dims, out, t * dims, dims);
            System.arraycopy(out, (frames - 1 - half) * dims, out, (frames - 1 - t) * dims, dims);
        }
    }
}
