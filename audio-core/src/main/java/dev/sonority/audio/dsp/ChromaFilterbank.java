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
    /** The same weights bin-major ({@code [bin * chromaCount + chroma]}), for the 12-accumulator loop. */
    private final double[] byBin;

    private ChromaFilterbank(int chromaCount, int binCount, double[] weights) {
        this.chromaCount = chromaCount;
        this.binCount = binCount;
        this.weights = weights;
        this.byBin = new double[weights.length];
        for (int c = 0; c < chromaCount; c++) {
            for (int k = 0; k < binCount; k++) {
                byBin[k * chromaCount + c] = weights[c * binCount + k];
            }
        }
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
        if (chromaCount == 12) {
            applyTwelve(power, out, outOffset);
            return;
        }
        for (int c = 0; c < chromaCount; c++) {
            out[outOffset + c] = Dot.product(weights, c * binCount, power, 0, binCount);
        }
    }

    /**
     * The usual 12 bins with one accumulator per chroma in registers: each FFT bin is read once and feeds 12
     * independent multiply-adds (a dense 12 x 1025 product is the largest per-frame cost after the FFT).
     */
    private void applyTwelve(double[] power, double[] out, int outOffset) {
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0, c10 = 0, c11 = 0;
        double[] w = byBin;
        for (int k = 0, i = 0; k < binCount; k++, i += 12) {
            double p = power[k];
            c0 += w[i] * p;
            c1 += w[i + 1] * p;
            c2 += w[i + 2] * p;
            c3 += w[i + 3] * p;
            c4 += w[i + 4] * p;
            c5 += w[i + 5] * p;
            c6 += w[i + 6] * p;
            c7 += w[i + 7] * p;
            c8 += w[i + 8] * p;
            c9 += w[i + 9] * p;
            c10 += w[i + 10] * p;
            c11 += w[i + 11] * p;
        }
        out[outOffset] = c0;
        out[outOffset + 1] = c1;
        out[outOffset + 2] = c2;
        out[outOffset + 3] = c3;
        out[outOffset + 4] = c4;
        out[outOffset + 5] = c5;
        out[outOffset + 6] = c6;
        out[outOffset + 7] = c7;
        out[outOffset + 8] = c8;
        out[outOffset + 9] = c9;
        out[outOffset + 10] = c10;
        out[outOffset + 11] = c11;
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
