package dev.sonority.audio.dsp;

/**
 * Octave-based spectral contrast (Jiang, Lu, Zhang, Tao and Cai 2002, "Music type classification by spectral
 * contrast feature") as {@code librosa.feature.spectral_contrast} computes it with its defaults
 * ({@code fmin=200, n_bands=6, quantile=0.02, linear=False}): the magnitude spectrum is split at
 * {@code 0, 200, 400, ..., 12 800 Hz} into 7 bands; in each band the peak is the mean of the largest and the
 * valley the mean of the smallest {@code max(1, rint(0.02 n))} magnitudes; the contrast is
 * {@code dB(peak) - dB(valley)} with {@link Decibels#powerToDb} applied to the magnitudes (librosa's choice), each
 * of the peak and valley matrices clipped at its own maximum minus 80 dB.
 *
 * <p>librosa's band membership, kept exactly: a band holds the bins with {@code f_low <= f <= f_high}, plus the bin
 * just below {@code f_low} (all but the first band) and every bin up to Nyquist (the last band); the quantile count
 * uses that size, then the band's last bin is dropped (all but the last band).
 *
 * <p>Per frame only the {@code n} largest and smallest values are selected (no sort), into scratch arrays held
 * here: one instance is not thread-safe.
 */
public final class SpectralContrast {

    public static final double F_MIN = 200.0;
    public static final int BANDS = 6;
    public static final double QUANTILE = 0.02;

    private final int[] from;
    private final int[] to;
    private final int[] count;
    private final double[] low;
    private final double[] high;

    /** librosa's defaults for this rate and FFT size; throws when the top band starts above Nyquist. */
    public SpectralContrast(double sampleRate, int fftSize) {
        int rows = BANDS + 1;
        from = new int[rows];
        to = new int[rows];
        count = new int[rows];
        int bins = fftSize / 2 + 1;
        double binHz = sampleRate / fftSize;
        int largest = 1;
        for (int k = 0; k < rows; k++) {
            double fLow = k == 0 ? 0.0 : F_MIN * Math.pow(2, k - 1);
            double fHigh = F_MIN * Math.pow(2, k);
            if (fLow >= sampleRate / 2) {
                throw new IllegalArgumentException("contrast band " + k + " starts at " + fLow + " Hz, above Nyquist");
            }
            int first = -1;
            int last = -1;
            for (int b = 0; b < bins; b++) {
                double f = b * binHz;
                if (f >= fLow && f <= fHigh) {
                    first = first < 0 ? b : first;
                    last = b;
                }
            }
            if (first < 0) {
                throw new IllegalArgumentException("contrast band " + k + " holds no FFT bin; use a longer FFT");
            }
            if (k > 0) {
                first--;
            }
            if (k == BANDS) {
                last = bins - 1;
            }
            count[k] = Math.max(1, (int) Math.rint(QUANTILE * (last - first + 1)));
            from[k] = first;
            to[k] = k < BANDS ? last : last + 1; // exclusive: the last bin of all but the top band is dropped
            if (to[k] - from[k] < count[k]) {
                throw new IllegalArgumentException("contrast band " + k + " has too few FFT bins; use a longer FFT");
            }
            largest = Math.max(largest, count[k]);
        }
        low = new double[largest];
        high = new double[largest];
    }

    /** Number of contrast values per frame (7). */
    public int bandCount() {
        return BANDS + 1;
    }

    /**
     * Peak and valley magnitudes of one magnitude spectrum into {@code peak[offset..offset + 7)} and
     * {@code valley[offset..offset + 7)}; the caller converts both to dB over the whole track and subtracts.
     */
    public void peakValley(double[] magnitude, double[] peak, double[] valley, int offset) {
        for (int k = 0; k <= BANDS; k++) {
            int n = count[k];
            int filled = 0;
            for (int b = from[k]; b < to[k]; b++) {
                double v = magnitude[b];
                if (filled < n) {
                    insertAscending(low, filled, v);
                    insertDescending(high, filled, v);
                    filled++;
                    continue;
                }
                if (v < low[n - 1]) {
                    insertAscending(low, n - 1, v);
                }
                if (v > high[n - 1]) {
                    insertDescending(high, n - 1, v);
                }
            }
            double sumLow = 0;
            double sumHigh = 0;
            for (int i = 0; i < n; i++) {
                sumLow += low[i];
                sumHigh += high[i];
            }
            valley[offset + k] = sumLow / n;
            peak[offset + k] = sumHigh / n;
        }
    }

    /** Inserts {@code v} into ascending {@code a[0..size)}, overwriting {@code a[size]}. */
    private static void insertAscending(double[] a, int size, double v) {
        int i = size;
        while (i > 0 && a[i - 1] > v) {
            a[i] = a[i - 1];
            i--;
        }
        a[i] = v;
    }

    private static void insertDescending(double[] a, int size, double v) {
        int i = size;
        while (i > 0 && a[i - 1] < v) {
            a[i] = a[i - 1];
            i--;
        }
        a[i] = v;
    }
}
