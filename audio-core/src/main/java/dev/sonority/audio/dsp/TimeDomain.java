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
        if (start >= 0 && start + frameLength <= signal.length) {
            boolean before = negative(signal[start]);
            for (int i = start + 1, end = start + frameLength; i < end; i++) {
                boolean now = negative(signal[i]);
                crossings += now != before ? 1 : 0;
                before = now;
            }
            return (double) crossings / frameLength;
        }
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

    /**
     * RMS of all {@code frames} centred, zero-padded frames at once in O(samples): when {@code frameLength} is a
     * multiple of {@code 2 hop} (librosa's 2048 / 512), every frame is exactly {@code frameLength / hop} whole
     * hop-sized blocks, so the sum of squares of each block is computed once (into {@code blockEnergy}, at least
     * {@code ceil(samples / hop)} long) and each frame adds its blocks. Other sizes fall back to {@link #rms}.
     */
    public static void rmsAll(float[] signal, int frameLength, int hop, int frames, double[] blockEnergy, double[] out) {
        if (frameLength % (2 * hop) != 0) {
            for (int t = 0; t < frames; t++) {
                out[t] = rms(signal, t, frameLength, hop);
            }
            return;
        }
        int blocks = (signal.length + hop - 1) / hop;
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int i = b * hop, end = Math.min(signal.length, i + hop); i < end; i++) {
                double x = signal[i];
                sum += x * x;
            }
            blockEnergy[b] = sum;
        }
        int perFrame = frameLength / hop;
        int before = frameLength / 2 / hop;
        for (int t = 0; t < frames; t++) {
            double sum = 0;
            for (int b = Math.max(0, t - before), end = Math.min(blocks, t - before + perFrame); b < end; b++) {
                sum += blockEnergy[b];
            }
            out[t] = Math.sqrt(sum / frameLength);
        }
    }

    /**
     * Zero-crossing rates of all {@code frames} centred, edge-padded frames at once in O(samples), equal to
     * {@link #zeroCrossingRate} frame by frame: with {@code frameLength} a multiple of {@code 2 hop}, the sign
     * changes between samples {@code i - 1} and {@code i} are counted per hop-sized block of {@code i} (into
     * {@code blockCrossings}, at least {@code ceil(samples / hop)} long); a frame starting at {@code s} covers
     * {@code i} in {@code (s, s + frameLength)}, i.e. its whole blocks minus the pair at {@code i = s}. Edge padding
     * repeats the end samples, so no pair outside the signal crosses.
     */
    public static void zeroCrossingRateAll(float[] signal, int frameLength, int hop, int frames, int[] blockCrossings,
            double[] out) {
        int n = signal.length;
        if (frameLength % (2 * hop) != 0 || n == 0) {
            for (int t = 0; t < frames; t++) {
                out[t] = zeroCrossingRate(signal, t, frameLength, hop);
            }
            return;
        }
        int blocks = (n + hop - 1) / hop;
        for (int b = 0; b < blocks; b++) {
            int count = 0;
            int i = Math.max(1, b * hop);
            boolean before = negative(signal[i - 1]);
            for (int end = Math.min(n, (b + 1) * hop); i < end; i++) {
                boolean now = negative(signal[i]);
                count += now != before ? 1 : 0;
                before = now;
            }
            blockCrossings[b] = count;
        }
        int perFrame = frameLength / hop;
        int before = frameLength / 2 / hop;
        for (int t = 0; t < frames; t++) {
            int first = t - before;
            int count = 0;
            for (int b = Math.max(0, first), end = Math.min(blocks, first + perFrame); b < end; b++) {
                count += blockCrossings[b];
            }
            int s = first * hop;
            if (s >= 1 && s < n && negative(signal[s]) != negative(signal[s - 1])) {
                count--;
            }
            out[t] = (double) count / frameLength;
        }
    }

    private static double sample(float[] signal, int i, Framing.Padding padding) {
        return i >= 0 && i < signal.length ? signal[i] : Framing.outside(signal, i, padding);
    }

    /** Below {@code -1e-10}: what {@code np.signbit} says after librosa set {@code |x| <= 1e-10} to 0. */
    private static boolean negative(double x) {
        return x < -ZERO_THRESHOLD;
    }
}
