package dev.sonority.inference.clap;

/**
 * The int16 quantisation LAION CLAP applies to its input audio, as AudioMuse-AI does before the mel:
 * {@code clip(x, -1, 1)}, {@code (x * 32767.0).astype(np.int16)} (float32 product, truncated toward zero), then
 * {@code (q / 32767.0).astype(np.float32)} (the division in double). Without it the vectors drift slightly from
 * the ones AudioMuse-AI stores for the same file.
 */
final class Int16RoundTrip {

    private static final float SCALE = 32767f;

    private Int16RoundTrip() {
    }

    /** A quantised copy of {@code samples}. */
    static float[] apply(float[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            float clipped = Math.max(-1f, Math.min(1f, samples[i]));
            short quantised = (short) (int) (clipped * SCALE); // the cast truncates toward zero, as astype does
            out[i] = (float) (quantised / 32767.0);
        }
        return out;
    }
}
