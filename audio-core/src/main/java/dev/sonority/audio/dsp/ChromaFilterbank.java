package dev.sonority.audio.dsp;

/**
 * Chroma filterbank of Ellis' {@code chromagram_E} as {@code librosa.filters.chroma} defines it (defaults
 * {@code ctroct=5, octwidth=2, norm=2, base_c=True}): every FFT bin {@code k > 0} is placed at
 * {@code b = n log2(f_k / (A440 / 16))} chroma bins above A0 (A440 shifted by {@code tuning} fractions of a bin,
 * DC 1.5 octaves below bin 1); chroma {@code c} weights it by a Gaussian {@code exp(-0.5 (2 d / w_k)^2)} of the
 * circular distance {@code d} between {@code b} and {@code c} relative to the bin's width {@code w_k} in chroma bins
 * (at least 1); each FFT bin's weights are L2-normalised over the chroma bins, then scaled by a Gaussian over
 * octaves centred on octave {@code ctroct} (C5 region, about 880 Hz) of width {@code octwidth}; rows are rotated so
 * chroma 0 is C. Immutable and thread-safe.
 */
public final class ChromaFilterbank {

    /** librosa's octave weighting: centre octave (above A0) and Gaussian width in octaves. */
    public static final double CENTRE_OCTAVE = 5.0;
    public static final double OCTAVE_WIDTH = 2.0;

    private final int chromaCount;
    private final int binCount;
    private final double[] weights;

    private ChromaFilterbank(int chromaCount, int binCount, double[] weights) {
        this.chromaCount = chromaCount;
        this.binCount = binCount;
        this.weights = weights;
    }

    /** 12 chroma bins, A440 tuning ({@code tuning=0}). */
    public static ChromaFilterbank of(double sampleRate, int fftSize) {
        return of(sampleRate, fftSize, 12, 0.0);
    }

    /** {@code chromaCount} bins per octave, tuning deviation in fractions of a chroma bin. */
    public static ChromaFilterbank of(double sampleRate, int fftSize, int chromaCount, double tuning) {
        if (chromaCount < 2 || fftSize < 4) {
            throw new IllegalArgumentException("bad chroma bank: chroma=" + chromaCount + " fftSize=" + fftSize);
        }
        int n = chromaCount;
        double a440 = 440.0 * Math.pow(2.0, tuning / n);
        double[] position = new double[fftSize]; // chroma bins above A0 for every bin of the full FFT
        for (int k = 1; k < fftSize; k++) {
            position[k] = n * log2(k * sampleRate / fftSize / (a440 / 16.0));
        }
        position[0] = position[1] - 1.5 * n;
        int bins = fftSize / 2 + 1;
        double half = Math.rint(n / 2.0);
        double[] w = new double[n * bins];
        double[] column = new double[n];
        for (int k = 0; k < bins; k++) {
            double width = k + 1 < fftSize ? Math.max(position[k + 1] - position[k], 1.0) : 1.0;
            double sumSquares = 0;
            for (int c = 0; c < n; c++) {
                double d = floorMod(position[k] - c + half + 10.0 * n, n) - half;
                double g = Math.exp(-0.5 * square(2.0 * d / width));
                column[c] = g;
                sumSquares += g * g;
            }
            double norm = Math.sqrt(sumSquares);
            double octaveWeight = Math.exp(-0.5 * square((position[k] / n - CENTRE_OCTAVE) / OCTAVE_WIDTH));
            int shift = 3 * (n / 12); // base C: rotate rows so that chroma 0 is C, not A
            for (int c = 0; c < n; c++) {
                int row = Math.floorMod(c - shift, n);
                w[row * bins + k] = column[c] / norm * octaveWeight;
            }
        }
        return new ChromaFilterbank(n, bins, w);
    }

    public int chromaCount() {
        return chromaCount;
    }

    public int binCount() {
        return binCount;
    }

    /** Weight of FFT bin {@code bin} in chroma {@code chroma} (0 = C). */
    public double weight(int chroma, int bin) {
        return weights[chroma * binCount + bin];
    }

    /** Raw chroma energies of one power spectrum into {@code out[outOffset..outOffset + chromaCount)}. */
    public void apply(double[] power, double[] out, int outOffset) {
        for (int c = 0; c < chromaCount; c++) {
            int row = c * binCount;
            double sum = 0;
            for (int k = 0; k < binCount; k++) {
                sum += weights[row + k] * power[k];
            }
            out[outOffset + c] = sum;
        }
    }

    /**
     * Divides {@code values[from..to)} by their largest magnitude ({@code librosa.util.normalize(norm=inf)});
     * a frame whose peak is below the smallest normal float32 is left as it is (so silence stays zero).
     */
    public static void normalizeMax(double[] values, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(values[i]));
        }
        if (peak < Float.MIN_NORMAL) {
            return;
        }
        for (int i = from; i < to; i++) {
            values[i] /= peak;
        }
    }

    /** numpy's {@code np.remainder}: the result has the sign of the divisor. */
    private static double floorMod(double x, double m) {
        double r = x % m;
        return r < 0 ? r + m : r;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    private static double square(double x) {
        return x * x;
    }
}
