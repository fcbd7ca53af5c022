package dev.sonority.audio.dsp;

/**
 * Per-frame spectral shape descriptors as librosa computes them from a magnitude spectrum {@code S[k]} with bin
 * frequencies {@code f_k = k * binHz} (Klapuri and Davy 2007, ch. 5; Peeters 2004). A frame whose magnitude sum
 * is below the smallest normal float32 (silence) gives centroid 0, bandwidth 0 and rolloff 0, as in librosa.
 * All methods are allocation-free.
 */
public final class SpectralShape {

    /** librosa's default roll-off fraction. */
    public static final double ROLLOFF_PERCENT = 0.85;

    /** Bins per logarithm in {@link #flatness}; bounds each partial product for power spectra of frames up to 2048. */
    private static final int FLATNESS_CHUNK = 16;

    private SpectralShape() {}

    /** Spectral centroid in Hz: {@code sum_k f_k S[k] / sum_k S[k]}. */
    public static double centroidHz(double[] magnitude, int bins, double binHz) {
        double total = 0;
        double weighted = 0;
        for (int k = 0; k < bins; k++) {
            total += magnitude[k];
            weighted += k * magnitude[k];
        }
        return total < Float.MIN_NORMAL ? 0.0 : weighted * binHz / total;
    }

    /**
     * Spectral bandwidth of order {@code p} in Hz around {@code centroidHz}:
     * {@code (sum_k S[k] / sum_j S[j] * |f_k - centroid|^p)^(1/p)} ({@code librosa.feature.spectral_bandwidth}, p = 2 by default).
     */
    public static double bandwidthHz(double[] magnitude, int bins, double binHz, double centroidHz, double p) {
        double total = 0;
        double weighted = 0;
        boolean two = p == 2.0;
        for (int k = 0; k < bins; k++) {
            double deviation = Math.abs(k * binHz - centroidHz);
            total += magnitude[k];
            weighted += magnitude[k] * (two ? deviation * deviation : Math.pow(deviation, p));
        }
        if (total < Float.MIN_NORMAL) {
            total = 1.0; // librosa leaves a silent frame unnormalised: its weighted sum is 0 anyway
        }
        double moment = weighted / total;
        return two ? Math.sqrt(moment) : Math.pow(moment, 1.0 / p);
    }

    /**
     * Roll-off frequency in Hz: the lowest bin frequency at which the cumulative magnitude reaches
     * {@code percent} of the frame's total ({@code librosa.feature.spectral_rolloff}).
     */
    public static double rolloffHz(double[] magnitude, int bins, double binHz, double percent) {
        double total = 0;
        for (int k = 0; k < bins; k++) {
            total += magnitude[k];
        }
        double threshold = percent * total;
        double cumulative = 0;
        for (int k = 0; k < bins; k++) {
            cumulative += magnitude[k];
            if (cumulative >= threshold) {
                return k * binHz;
            }
        }
        return (bins - 1) * binHz; // rounding: the full sum fell just short of percent * total
    }

    /**
     * Spectral flatness (Wiener entropy, Dubnov 2004): geometric over arithmetic mean of
     * {@code max(amin, P[k])} for a power spectrum {@code P = S^2} ({@code librosa.feature.spectral_flatness},
     * {@code amin=1e-10, power=2}). In [0, 1]; a silent frame gives 1.
     */
    public static double flatness(double[] power, int bins, double amin) {
        // sum of logs as logs of products of FLATNESS_CHUNK values: one Math.log per chunk instead of per bin; a chunk
        // product stays within [amin^16, max^16]: 1e-160 to 1e96 for full-scale audio (|X| <= 1024), and still finite
        // for PCM 10 000 times louder
        double logSum = 0;
        double sum = 0;
        int k = 0;
        while (k < bins) {
            int end = Math.min(bins, k + FLATNESS_CHUNK);
            double product = 1;
            for (; k < end; k++) {
                double v = Math.max(amin, power[k]);
                product *= v;
                sum += v;
            }
            logSum += Math.log(product);
        }
        return Math.exp(logSum / bins) / (sum / bins);
    }
}
