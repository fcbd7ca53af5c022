package dev.sonority.audio.dsp;

import java.util.Arrays;

/**
 * Triangular mel filterbank ({@code librosa.filters.mel}): {@code nMels} triangles whose corners are
 * {@code nMels + 2} points equally spaced on the mel scale between {@code fMin} and {@code fMax}; with Slaney
 * normalisation each triangle is scaled by {@code 2 / (f[m+2] - f[m])} so every band has the same area
 * (librosa's default {@code norm="slaney"}). Stored sparsely (each band's non-zero run), so {@link #apply} costs
 * about two multiply-adds per FFT bin. Immutable and thread-safe.
 */
public final class MelFilterbank {

    private final int bandCount;
    private final int binCount;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(int bandCount, int binCount, int[] firstBin, double[][] weights) {
        this.bandCount = bandCount;
        this.binCount = binCount;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /** librosa's default bank: Slaney scale, Slaney normalisation, 0 Hz to Nyquist. */
    public static MelFilterbank librosaDefault(double sampleRate, int fftSize, int nMels) {
        return of(sampleRate, fftSize, nMels, 0.0, sampleRate / 2, MelScale.SLANEY, true);
    }

    /** A bank on {@code scale}, optionally Slaney-normalised (area 1 per band in Hz). */
    public static MelFilterbank of(double sampleRate, int fftSize, int nMels, double fMinHz, double fMaxHz,
            MelScale scale, boolean slaneyNorm) {
        if (nMels < 1 || fftSize < 2 || !(fMaxHz > fMinHz) || fMinHz < 0) {
            throw new IllegalArgumentException("bad mel bank: nMels=" + nMels + " fftSize=" + fftSize
                    + " fMin=" + fMinHz + " fMax=" + fMaxHz);
        }
        int bins = fftSize / 2 + 1;
        double[] cornersHz = new double[nMels + 2];
        double melMin = scale.hzToMel(fMinHz);
        double melMax = scale.hzToMel(fMaxHz);
        for (int i = 0; i < cornersHz.length; i++) {
            cornersHz[i] = scale.melToHz(melMin + (melMax - melMin) * i / (nMels + 1));
        }
        int[] first = new int[nMels];
        double[][] w = new double[nMels][];
        double[] row = new double[bins];
        for (int m = 0; m < nMels; m++) {
            double lower = cornersHz[m];
            double centre = cornersHz[m + 1];
            double upper = cornersHz[m + 2];
            double scaleFactor = slaneyNorm ? 2.0 / (upper - lower) : 1.0;
            int lo = -1;
            int hi = -1;
            for (int k = 0; k < bins; k++) {
                double hz = k * sampleRate / fftSize;
                double rising = (hz - lower) / (centre - lower);
                double falling = (upper - hz) / (upper - centre);
                double v = Math.max(0.0, Math.min(rising, falling));
                row[k] = v * scaleFactor;
                if (v > 0) {
                    if (lo < 0) {
                        lo = k;
                    }
                    hi = k;
                }
            }
            // a band narrower than a bin has no non-zero weight (librosa warns about "empty filters")
            first[m] = lo < 0 ? 0 : lo;
            w[m] = lo < 0 ? new double[0] : Arrays.copyOfRange(row, lo, hi + 1);
        }
        return new MelFilterbank(nMels, bins, first, w);
    }

    public int bandCount() {
        return bandCount;
    }

    public int binCount() {
        return binCount;
    }

    /** Weight of FFT bin {@code bin} in band {@code band}. */
    public double weight(int band, int bin) {
        int i = bin - firstBin[band];
        double[] w = weights[band];
        return i >= 0 && i < w.length ? w[i] : 0.0;
    }

    /** Mel band energies of one power spectrum: {@code out[outOffset + m] = sum_k W[m][k] power[k]}. */
    public void apply(double[] power, double[] out, int outOffset) {
        for (int m = 0; m < bandCount; m++) {
            double[] w = weights[m];
            int k0 = firstBin[m];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * power[k0 + i];
            }
            out[outOffset + m] = sum;
        }
    }
}
