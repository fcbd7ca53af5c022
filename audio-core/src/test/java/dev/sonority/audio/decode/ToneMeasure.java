package dev.sonority.audio.decode;

/**
 * Independent measurements of a decoded tone, written from the textbook definitions so that the tests do not
 * depend on any code under test: a single DFT bin and the zero-crossing rate.
 */
public final class ToneMeasure {

    private ToneMeasure() {}

    /**
     * Peak amplitude of the {@code frequencyHz} component: |X(f)| * 2 / N for the DFT sum
     * X(f) = sum x[n] e^{-i 2 pi f n / fs}, evaluated at exactly f (not a bin centre), under a Hann window
     * (whose coherent gain 0.5 is divided out) so that leakage from other tones stays below -60 dB.
     */
    public static double amplitudeAt(float[] x, int from, int to, int sampleRate, double frequencyHz) {
        int n = to - from;
        double re = 0;
        double im = 0;
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        for (int i = 0; i < n; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            double v = x[from + i] * hann;
            re += v * Math.cos(w * i);
            im -= v * Math.sin(w * i);
        }
        return Math.hypot(re, im) * 2 / (n * 0.5);
    }

    /** {@link #amplitudeAt(float[], int, int, int, double)} over the middle half of the signal (no edges). */
    public static double amplitudeAt(float[] x, int sampleRate, double frequencyHz) {
        return amplitudeAt(x, x.length / 4, x.length * 3 / 4, sampleRate, frequencyHz);
    }

    /** Frequency of a pure tone from its rising zero crossings, between the first and the last one. */
    public static double zeroCrossingFrequency(float[] x, int from, int to, int sampleRate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double exact = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]); // linear interpolation
                if (first < 0) {
                    first = exact;
                } else {
                    crossings++;
                }
                last = exact;
            }
        }
        return crossings * sampleRate / (last - first);
    }

    /** {@link #zeroCrossingFrequency(float[], int, int, int)} over the middle half of the signal. */
    public static double zeroCrossingFrequency(float[] x, int sampleRate) {
        return zeroCrossingFrequency(x, x.length / 4, x.length * 3 / 4, sampleRate);
    }

    /** Largest absolute sample value. */
    public static double peak(float[] x) {
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
