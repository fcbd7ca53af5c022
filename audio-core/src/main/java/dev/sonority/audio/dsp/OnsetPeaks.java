package dev.sonority.audio.dsp;

/**
 * Onset picking on an onset-strength envelope as {@code librosa.onset.onset_detect} does by default: the envelope
 * is scaled to [0, 1]; frame {@code n} is an onset when it is the maximum of {@code [n - preMax, n + postMax]},
 * exceeds the mean of {@code [n - preAvg, n + postAvg]} by {@code delta}, and comes more than {@code wait} frames
 * after the previous onset (Böck, Krebs and Schedl 2012). Window sizes in seconds are librosa's: 30 ms before /
 * 0 ms after for the maximum, 100 ms / 100 ms for the mean, 30 ms wait, delta 0.07.
 */
public final class OnsetPeaks {

    private OnsetPeaks() {}

    /** Number of onsets in {@code onset[0..frames)} at {@code frameRate} frames per second (hop = sampleRate / frameRate). */
    public static int count(double[] onset, int frames, double sampleRate, int hop) {
        int preMax = (int) Math.floor(0.03 * sampleRate / hop);
        int postMax = 1;
        int preAvg = (int) Math.floor(0.10 * sampleRate / hop);
        int postAvg = preAvg + 1;
        int wait = preMax;
        double delta = 0.07;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < frames; i++) {
            min = Math.min(min, onset[i]);
            max = Math.max(max, onset[i]);
        }
        double range = max - min;
        if (!(range > 0)) {
            return 0;
        }
        int count = 0;
        int last = Integer.MIN_VALUE / 2;
        for (int n = 0; n < frames; n++) {
            double x = (onset[n] - min) / range;
            boolean isMax = true;
            for (int i = Math.max(0, n - preMax), end = Math.min(frames, n + postMax); i < end && isMax; i++) {
                isMax = (onset[i] - min) / range <= x;
            }
            if (!isMax) {
                continue;
            }
            int from = Math.max(0, n - preAvg);
            int to = Math.min(frames, n + postAvg);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (onset[i] - min) / range;
            }
            if (x >= sum / (to - from) + delta && n - last > wait) {
                count++;
                last = n;
            }
        }
        return count;
    }
}
