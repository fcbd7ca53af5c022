package dev.sonority.audio.dsp;

/**
 * Centred framing as librosa does it with {@code center=True}: the signal is padded by {@code frameLength / 2}
 * samples on both sides, frame {@code t} starts at padded sample {@code t * hop}, so it is centred on signal
 * sample {@code t * hop}. The padding is virtual: frames are copied out of the unpadded signal.
 */
public final class Framing {

    /** How the virtual padding is filled. */
    public enum Padding {
        /** Zeros ({@code np.pad(mode="constant")}, librosa 0.10's default for the STFT and RMS). */
        ZEROS,
        /** The first / last sample repeated ({@code mode="edge"}, librosa's zero-crossing rate). */
        EDGE
    }

    private Framing() {}

    /** Number of centred frames for {@code samples} samples: {@code 1 + samples / hop}. */
    public static int frameCount(int samples, int hop) {
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be positive, was " + hop);
        }
        return 1 + samples / hop;
    }

    /** Index in the unpadded signal of the first sample of centred frame {@code frame}. */
    public static int frameStart(int frame, int frameLength, int hop) {
        return frame * hop - frameLength / 2;
    }

    /**
     * Copies centred frame {@code frame} of {@code signal} into {@code out[0..frameLength)}, filling the part
     * outside the signal as {@code padding} says.
     */
    public static void copyFrame(float[] signal, int frame, int frameLength, int hop, Padding padding, double[] out) {
        int start = frameStart(frame, frameLength, hop);
        int n = signal.length;
        if (start >= 0 && start + frameLength <= n) {
            for (int i = 0; i < frameLength; i++) {
                out[i] = signal[start + i];
            }
            return;
        }
        for (int i = 0; i < frameLength; i++) {
            int j = start + i;
            out[i] = j >= 0 && j < n ? signal[j] : outside(signal, j, padding);
        }
    }

    /** The padded value at index {@code j} outside {@code [0, signal.length)}. */
    static double outside(float[] signal, int j, Padding padding) {
        return switch (padding) {
            case ZEROS -> 0.0;
            case EDGE -> signal.length == 0 ? 0.0 : signal[j < 0 ? 0 : signal.length - 1];
        };
    }
}
