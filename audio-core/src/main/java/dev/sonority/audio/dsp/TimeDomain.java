package dev.sonority.audio.dsp;

/** Frame-wise time-domain descriptors on centred frames, computed in place from the unpadded signal. */
public final class TimeDomain {

    /** librosa's threshold below which a sample counts as zero in {@code zero_crossings}. */
    public static final double ZERO_THRESHOLD = 1e-10;

    private TimeDomain() {}

    /**
     * Zero-crossing rate of centred frame {@code frame} as {@code librosa.feature.zero_crossing_rate}: the signal is
     * edge-padded, samples with {@code |x| <= 1e-10} count as 0, 0 counts as positive, and the number of sign
     * changes between neighbouring samples inside the frame is divided by the frame length.
     */
    public static double zeroCrossingRate(float[] signal, int frame, int frameLength, int hop) {
        int start = Framing.frameStart(frame, frameLength, hop);
        int crossings = 0;
        boolean previous = negative(sample(signal, start, Framing.Padding.EDGE));
        for (int i = 1; i < frameLength; i++) {
            boolean current = negative(sample(signal, start + i, Framing.Padding.EDGE));
            if (current != previous) {
                crossings++;
            }
            previous = current;
        }
        return (double) crossings / frameLength;
    }

    /** Root mean square of centred, zero-padded frame {@code frame} ({@code librosa.feature.rms} on a signal). */
    public static double rms(float[] signal, int frame, int frameLength, int hop) {
        int start = Framing.frameStart(frame, frameLength, hop);
        int from = Math.max(0, start);
        int to = Math.min(signal.length, start + frameLength);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double x = signal[i];
            sum += x * x;
        }
        return Math.sqrt(sum / frameLength);
    }

    private static double sample(float[] signal, int i, Framing.Padding padding) {
        return i >= 0 && i < signal.length ? signal[i] : Framing.outside(signal, i, padding);
    }

    private static boolean negative(double x) {
        return Math.abs(x) > ZERO_THRESHOLD && x < 0;
    }
}
