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

    /**
     * Energy left after removing the best-fitting sine of {@code frequencyHz} (least squares on sin and cos),
     * relative to the signal's energy, over the middle half: a THD+N ratio. A clean 16-bit tone gives about
     * 1e-9; clicks, dropouts or glitches at frame boundaries raise it by orders of magnitude.
     */
    public static double residualRatio(float[] x, int sampleRate, double frequencyHz) {
        int from = x.length / 4;
        int to = x.length * 3 / 4;
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        double ss = 0, cc = 0, sc = 0, xs = 0, xc = 0, xx = 0;
        for (int i = from; i < to; i++) {
            double s = Math.sin(w * i);
            double c = Math.cos(w * i);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += x[i] * s;
            xc += x[i] * c;
            xx += (double) x[i] * x[i];
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        double residual = 0;
        for (int i = from; i < to; i++) {
            double e = x[i] - a * Math.sin(w * i) - b * Math.cos(w * i);
            residual += e * e;
        }
        return residual / xx;
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
