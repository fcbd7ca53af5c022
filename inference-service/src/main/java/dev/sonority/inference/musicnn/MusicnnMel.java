package dev.sonority.inference.musicnn;

import dev.sonority.audio.dsp.MelFilterbank;
import dev.sonority.audio.dsp.Stft;

/**
 * MusiCNN's input: {@code librosa.feature.melspectrogram(y, sr=16000, n_fft=512, hop_length=256, n_mels=96,
 * window='hann', center=False, power=2.0, norm='slaney', htk=False)} (fmin 0, fmax 8000), then
 * {@code log10(1 + 10000 * mel)}, cut into non-overlapping patches of 187 frames (a trailing partial patch is
 * dropped). Only the frames of the patches asked for are computed, so {@code windows=N} also saves mel time.
 *
 * <p>Not thread-safe (it owns an STFT and scratch buffers); make one per request.
 */
final class MusicnnMel {

    static final int SAMPLE_RATE = 16_000;
    static final int FFT_SIZE = 512;
    static final int HOP = 256;
    static final int BANDS = 96;
    static final int PATCH_FRAMES = 187;
    /** The fewest samples that give one patch: 187 uncentred frames, {@code 186 * 256 + 512} = 48 128. */
    static final int MIN_SAMPLES = (PATCH_FRAMES - 1) * HOP + FFT_SIZE;

    private static final MelFilterbank BANK = MelFilterbank.librosaDefault(SAMPLE_RATE, FFT_SIZE, BANDS);

    /*
     * audio-core's Stft centres its frames (librosa center=True): centred frame t starts at t * hop - n_fft / 2.
     * With hop = n_fft / 2 that is the uncentred frame t - 1, so uncentred frame t is centred frame t + 1, read
     * entirely from inside the signal (no padding involved).
     */
    private final Stft stft = new Stft(FFT_SIZE, HOP);
    private final double[] power = new double[FFT_SIZE / 2 + 1];
    private final double[] mel = new double[BANDS];

    /** Uncentred frames of {@code samples} samples: {@code 1 + (samples - 512) / 256}, 0 below 512. */
    static int frameCount(int samples) {
        return samples < FFT_SIZE ? 0 : 1 + (samples - FFT_SIZE) / HOP;
    }

    /** Whole patches of {@code samples} samples. */
    static int patchCount(int samples) {
        return frameCount(samples) / PATCH_FRAMES;
    }

    /** Writes patch {@code patch} as {@code [187 frames][96 bands]} into a new array. */
    float[] patch(float[] signal, int patch) {
        float[] out = new float[PATCH_FRAMES * BANDS];
        for (int f = 0; f < PATCH_FRAMES; f++) {
            stft.power(signal, patch * PATCH_FRAMES + f + 1, power);
            BANK.apply(power, mel, 0);
            int row = f * BANDS;
            for (int m = 0; m < BANDS; m++) {
                out[row + m] = (float) Math.log10(1 + 10_000 * mel[m]);
            }
        }
        return out;
    }
}
