package dev.sonority.audio.loudness;

import java.util.OptionalDouble;

/**
 * Dynamic complexity as Essentia's {@code DynamicComplexity} defines it (Streich 2007, "Music complexity"): the
 * average absolute deviation, in dB, of the frame loudness from the track's global loudness. Frames are 0.2 s
 * (Essentia's default {@code frameSize}), non-overlapping; a frame's loudness is {@code 10 log10} of its mean
 * square (floor -90 dB); silent frames (at the floor) at the start and the end are left out, as Essentia does, so
 * leading and trailing silence does not count as dynamics. The global loudness here is the mean of the frame
 * levels in dB (Essentia's own estimate weights frames differently, so values are comparable, not identical).
 * 0 for a constant level; a few dB for compressed pop, 10 dB or more for music with quiet and loud passages.
 */
public final class DynamicComplexity {

    public static final double FRAME_SECONDS = 0.2;
    public static final double FLOOR_DB = -90.0;

    private DynamicComplexity() {
    }

    /** Dynamic complexity in dB, or empty when fewer than two non-silent frames remain. */
    public static OptionalDouble of(float[] samples, int sampleRate) {
        int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
        int n = samples.length / frame;
        double[] level = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = i * frame, end = j + frame; j < end; j++) {
                sq += (double) samples[j] * samples[j];
            }
            double ms = sq / frame;
            level[i] = ms > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(ms)) : FLOOR_DB;
        }
        int from = 0;
        while (from < n && level[from] <= FLOOR_DB) {
            from++;
        }
        int to = n;
        while (to > from && level[to - 1] <= FLOOR_DB) {
            to--;
        }
        if (to - from < 2) {
            return OptionalDouble.empty();
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += level[i];
        }
        mean /= to - from;
        double deviation = 0;
        for (int i = from; i < to; i++) {
            deviation += Math.abs(level[i] - mean);
        }
        return OptionalDouble.of(deviation / (to - from));
    }
}
