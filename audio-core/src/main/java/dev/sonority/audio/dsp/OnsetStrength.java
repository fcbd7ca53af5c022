package dev.sonority.audio.dsp;

/**
 * Spectral-flux onset strength ({@code librosa.onset.onset_strength} with {@code lag=1, max_size=1,
 * center=True}, Böck and Widmer 2013 without the maximum filter): for a dB mel spectrogram {@code M[t][m]},
 * {@code flux[t] = mean_m max(0, M[t][m] - M[t - lag][m])}; the envelope is shifted right by
 * {@code lag + fftSize / (2 hop)} frames (to undo the framing delay, zeros in front) and cut to the frame count.
 */
public final class OnsetStrength {

    private OnsetStrength() {}

    /**
     * Onset envelope of {@code frames} frames of {@code bands} dB mel values, frame-major in {@code melDb}, into
     * {@code out[0..frames)}.
     */
    public static void fromDbMel(double[] melDb, int frames, int bands, int lag, int fftSize, int hop, double[] out) {
        fromDbMelBands(melDb, frames, bands, 0, bands, lag, fftSize, hop, out);
    }

    /**
     * As {@link #fromDbMel} over mel bands {@code [firstBand, firstBand + count)} only of frames of {@code stride}
     * bands (a low-band envelope: kick and bass, which carry the beat in most music).
     */
    public static void fromDbMelBands(double[] melDb, int frames, int stride, int firstBand, int count, int lag,
            int fftSize, int hop, double[] out) {
        int bands = count;
        int shift = lag + fftSize / (2 * hop);
        for (int t = 0; t < frames; t++) {
            int source = t - shift + lag; // out[t] = flux of frame (t - shift + lag) against (t - shift)
            if (source < lag) {
                out[t] = 0.0;
                continue;
            }
            int now = source * stride + firstBand;
            int before = (source - lag) * stride + firstBand;
            double sum = 0;
            for (int m = 0; m < bands; m++) {
                double rise = melDb[now + m] - melDb[before + m];
                if (rise > 0) {
                    sum += rise;
                }
            }
            out[t] = sum / bands;
        }
    }
}
