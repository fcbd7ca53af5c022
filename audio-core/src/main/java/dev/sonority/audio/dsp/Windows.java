package dev.sonority.audio.dsp;

/** Analysis windows. */
public final class Windows {

    private Windows() {}

    /**
     * The periodic ("DFT-even") Hann window of length {@code n}: {@code 0.5 - 0.5 cos(2 pi i / n)}, as
     * {@code scipy.signal.get_window("hann", n, fftbins=True)} and librosa's STFT use it.
     */
    public static double[] hannPeriodic(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be positive, was " + n);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }
}
