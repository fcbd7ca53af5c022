package dev.sonority.audio.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform of centred, zero-padded, periodic-Hann-windowed frames ({@code librosa.stft}
 * with {@code center=True, pad_mode="constant", window="hann"}). One instance owns its FFT plan and a scratch
 * frame, so it is not thread-safe; every call is allocation-free.
 */
public final class Stft {

    private final int fftSize;
    private final int hop;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] scratch;

    /** An STFT with frames of {@code fftSize} samples (window length = FFT size) every {@code hop} samples. */
    public Stft(int fftSize, int hop) {
        if (fftSize < 2 || (fftSize & 1) != 0) {
            throw new IllegalArgumentException("FFT size must be even and at least 2, was " + fftSize);
        }
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be positive, was " + hop);
        }
        this.fftSize = fftSize;
        this.hop = hop;
        this.window = Windows.hannPeriodic(fftSize);
        this.fft = new DoubleFFT_1D(fftSize);
        this.scratch = new double[fftSize];
    }

    public int fftSize() {
        return fftSize;
    }

    public int hop() {
        return hop;
    }

    /** Number of frequency bins, {@code 1 + fftSize / 2}. */
    public int binCount() {
        return fftSize / 2 + 1;
    }

    /** Number of frames for a signal of {@code samples} samples. */
    public int frameCount(int samples) {
        return Framing.frameCount(samples, hop);
    }

    /** Centre frequency of FFT bin {@code bin} in Hz ({@code librosa.fft_frequencies}). */
    public double binToHz(int bin, double sampleRate) {
        return bin * sampleRate / fftSize;
    }

    /** Writes {@code |X[k]|^2} of frame {@code frame} into {@code power[0..binCount)}. */
    public void power(float[] signal, int frame, double[] power) {
        transform(signal, frame);
        double[] a = scratch;
        int half = fftSize / 2;
        power[0] = a[0] * a[0];
        power[half] = a[1] * a[1];
        for (int k = 1; k < half; k++) {
            double re = a[2 * k];
            double im = a[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    /** Writes {@code |X[k]|} of frame {@code frame} into {@code magnitude[0..binCount)}. */
    public void magnitude(float[] signal, int frame, double[] magnitude) {
        power(signal, frame, magnitude);
        for (int k = 0, n = binCount(); k < n; k++) {
            magnitude[k] = Math.sqrt(magnitude[k]);
        }
    }

    private void transform(float[] signal, int frame) {
        Framing.copyFrame(signal, frame, fftSize, hop, Framing.Padding.ZEROS, scratch);
        for (int i = 0; i < fftSize; i++) {
            scratch[i] *= window[i];
        }
        fft.realForward(scratch);
    }
}
