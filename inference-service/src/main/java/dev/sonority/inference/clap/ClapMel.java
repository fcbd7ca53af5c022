package dev.sonority.inference.clap;

import dev.sonority.audio.dsp.MelFilterbank;
import dev.sonority.audio.dsp.MelScale;
import dev.sonority.audio.dsp.Windows;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The log-mel spectrogram LAION CLAP feeds its HTSAT audio tower, as torchlibrosa computes it there:
 * {@code Spectrogram(n_fft=1024, hop=480, win=1024, window='hann', center=True, pad_mode='reflect', power=2)}
 * then {@code LogmelFilterBank(sr=48000, n_mels=64, fmin=50, fmax=14000, ref=1.0, amin=1e-10, top_db=None)}
 * (librosa's Slaney mel bank). A 10 s window gives {@link #FRAMES} frames of {@link #BANDS} bands, row-major
 * {@code [frame][band]}, i.e. the {@code [1, T, 64]} item of the audio tower's {@code [B, 1, T, 64]} input.
 *
 * <p>Issue 16 says hop 320 (HTSAT's 32 kHz AudioSet setting). AudioMuse-AI, which feeds this very release file,
 * computes it with librosa's {@code melspectrogram} using its CLAP_AUDIO_* settings, and its config.py gives for
 * the teacher graph {@code clap_audio_model.onnx}: n_mels 64, n_fft 1024, hop 480, fmin 50, fmax 14000, time-major
 * {@code (1, 1, T, 64)} (AudioMuse-AI's {@code _prepared_model_bytes} fixes T to {@code 1 + 480000 // hop} = 1001).
 * LAION CLAP's 48 kHz checkpoints also use hop 480 (HTSAT-base audio_cfg), and HTSAT takes at most 1024 frames,
 * which hop 320 (1501 frames per 10 s) would exceed; so Sonority uses 480. Not thread-safe: one instance per call.
 */
final class ClapMel {

    static final int SAMPLE_RATE = 48_000;
    static final int N_FFT = 1024;
    static final int HOP = 480;
    static final int BANDS = 64;
    static final double FMIN = 50;
    static final double FMAX = 14_000;
    static final int WINDOW_SAMPLES = 10 * SAMPLE_RATE;
    static final int FRAMES = WINDOW_SAMPLES / HOP + 1; // 1001
    static final double AMIN = 1e-10;

    private static final MelFilterbank BANK = MelFilterbank.of(SAMPLE_RATE, N_FFT, BANDS, FMIN, FMAX, MelScale.SLANEY,
            true);
    private static final double[] HANN = Windows.hannPeriodic(N_FFT);

    private final DoubleFFT_1D fft = new DoubleFFT_1D(N_FFT);
    private final double[] frame = new double[N_FFT];
    private final double[] power = new double[N_FFT / 2 + 1];
    private final double[] mel = new double[BANDS];

    /** The log-mel of one window of exactly {@link #WINDOW_SAMPLES} samples. */
    float[] of(float[] window) {
        if (window.length != WINDOW_SAMPLES) {
            throw new IllegalArgumentException("a CLAP window has " + WINDOW_SAMPLES + " samples, got " + window.length);
        }
        int frames = window.length / HOP + 1;
        float[] out = new float[frames * BANDS];
        int half = N_FFT / 2;
        for (int t = 0; t < frames; t++) {
            int start = t * HOP - half;
            for (int i = 0; i < N_FFT; i++) {
                frame[i] = window[reflect(start + i, window.length)] * HANN[i];
            }
            fft.realForward(frame);
            power[0] = frame[0] * frame[0];
            power[half] = frame[1] * frame[1];
            for (int k = 1; k < half; k++) {
                power[k] = frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            }
            BANK.apply(power, mel, 0);
            for (int m = 0; m < BANDS; m++) {
                out[t * BANDS + m] = (float) (10.0 * Math.log10(Math.max(AMIN, mel[m])));
            }
        }
        return out;
    }

    /** numpy's {@code mode="reflect"} index (the edge sample not repeated). */
    static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * (n - 1) - i;
        }
        return i;
    }
}
