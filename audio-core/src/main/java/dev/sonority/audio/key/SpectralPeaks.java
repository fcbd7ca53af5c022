package dev.sonority.audio.key;

/**
 * Spectral peak picking (Serra's SMS peak detection): local maxima of a magnitude spectrum inside a frequency
 * band, above an absolute floor and a floor relative to the frame's strongest peak, with frequency and magnitude
 * refined by a parabola through the log magnitudes of the peak bin and its two neighbours.
 *
 * <p>Results go into arrays the instance owns ({@link #frequencyHz()}, {@link #magnitude()}, the first
 * {@link #count()} entries), so {@link #detect} allocates nothing. Not thread-safe.
 */
final class SpectralPeaks {

    private final double binHz;
    private final int firstBin;
    private final int lastBin;
    private final double absoluteFloor;
    private final double relativeFloor;
    private final double[] frequencyHz;
    private final double[] magnitude;
    private int count;

    /**
     * @param binHz          width of one FFT bin in Hz
     * @param bins           number of bins of the spectra passed to {@link #detect}
     * @param minHz          lowest peak frequency kept
     * @param maxHz          highest peak frequency kept
     * @param absoluteFloor  peaks at or below this magnitude (spectrum units) are ignored
     * @param relativeFloorDb peaks more than this many dB below the frame's strongest in-band bin are ignored
     */
    SpectralPeaks(double binHz, int bins, double minHz, double maxHz, double absoluteFloor, double relativeFloorDb) {
        this.binHz = binHz;
        this.firstBin = Math.max(1, (int) Math.ceil(minHz / binHz));
        this.lastBin = Math.min(bins - 2, (int) Math.floor(maxHz / binHz));
        this.absoluteFloor = absoluteFloor;
        this.relativeFloor = Math.pow(10, -relativeFloorDb / 20);
        int capacity = Math.max(1, (lastBin - firstBin) / 2 + 2);
        this.frequencyHz = new double[capacity];
        this.magnitude = new double[capacity];
    }

    /** Finds the peaks of {@code spectrum[0..bins)}; returns how many were found. */
    int detect(double[] spectrum) {
        double strongest = 0;
        for (int k = firstBin; k <= lastBin; k++) {
            strongest = Math.max(strongest, spectrum[k]);
        }
        double floor = Math.max(absoluteFloor, strongest * relativeFloor);
        count = 0;
        for (int k = firstBin; k <= lastBin; k++) {
            double b = spectrum[k];
            if (b <= floor || b < spectrum[k - 1] || b <= spectrum[k + 1]) {
                continue;
            }
            interpolate(Math.log(Math.max(spectrum[k - 1], 1e-300)), Math.log(b),
                    Math.log(Math.max(spectrum[k + 1], 1e-300)), k);
        }
        return count;
    }

    /** Parabolic interpolation of the log-magnitude peak at bin {@code k} with neighbours {@code a}, {@code c}. */
    private void interpolate(double a, double b, double c, int k) {
        double curvature = a - 2 * b + c;
        double offset = curvature < 0 ? 0.5 * (a - c) / curvature : 0;
        frequencyHz[count] = (k + offset) * binHz;
        magnitude[count] = Math.exp(b - 0.25 * (a - c) * offset);
        count++;
    }

    int count() {
        return count;
    }

    double[] frequencyHz() {
        return frequencyHz;
    }

    double[] magnitude() {
        return magnitude;
    }
}
