package dev.sonority.inference.embedding;

import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.WindowSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a model's windows lie on a track: every {@code hop} samples while a whole window fits, then the end as
 * {@link End} says, so the whole track is covered. A track shorter than one
 * window is one window: zero-padded to the full length ({@code padShort}, clap) or run at its own length
 * (mert, muq, muq_mulan, whose mean over time zeros would dilute), and then at least {@code minimum} samples.
 *
 * @param window window length in samples
 * @param hop distance between window starts in samples
 * @param minimum the shortest track accepted, in samples
 * @param padShort whether a short track (and a {@link End#PADDED} last window) is zero-padded to {@code window}
 * @param end how the end of the track is covered
 */
public record WindowLayout(int window, int hop, int minimum, boolean padShort, End end) {

    /** How the windows cover the end of a track longer than one window. */
    public enum End {
        /** One more window aligned to the end when the last full one stops short (mert, muq). */
        ALIGNED_IF_SHORT,
        /**
         * Always one more window over the final {@code window} samples, even where it repeats the last full one, as
         * AudioMuse-AI's CLAP analysis appends {@code audio[-480000:]} whenever the track is longer than a window.
         */
        ALWAYS_ALIGNED,
        /**
         * Windows every hop from 0 until one reaches the end, the last zero-padded: {@code ceil((n - window) / hop)
         * + 1} windows, as AudioMuse-AI's MuQ-MuLan analysis cuts them.
         */
        PADDED
    }

    /** A layout whose end window is aligned to the end when the last full one stops short. */
    public WindowLayout(int window, int hop, int minimum, boolean padShort) {
        this(window, hop, minimum, padShort, End.ALIGNED_IF_SHORT);
    }

    public WindowLayout {
        if (window < 1 || hop < 1 || minimum < 1 || minimum > window) {
            throw new IllegalArgumentException("bad window layout " + window + "/" + hop + "/" + minimum);
        }
    }

    /** Start sample of every window of a track of {@code samples} samples, ascending. */
    public int[] starts(int samples) {
        if (samples <= window) {
            return new int[] {0};
        }
        List<Integer> starts = new ArrayList<>();
        if (end == End.PADDED) {
            long count = (samples - window + (long) hop - 1) / hop + 1; // ceil((n - window) / hop) + 1
            for (long i = 0; i < count; i++) {
                starts.add((int) (i * hop));
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int s = 0; s + window <= samples; s += hop) {
            starts.add(s);
        }
        if (end == End.ALWAYS_ALIGNED || starts.getLast() + window < samples) {
            starts.add(samples - window);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The windows to run for this track and selection, each as its own array (copied, never the caller's).
     *
     * @param sampleRate only for the message of a too-short track
     */
    public List<float[]> cut(float[] samples, int sampleRate, WindowSelection selection) {
        if (samples.length < minimum) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "the audio is %.3f s long; this model needs at least %.3f s", samples.length / (double) sampleRate,
                    minimum / (double) sampleRate));
        }
        int[] starts = starts(samples.length);
        List<float[]> windows = new ArrayList<>();
        for (int index : selection.pick(starts.length)) {
            int start = starts[index];
            int end = Math.min(samples.length, start + window);
            float[] w = Arrays.copyOfRange(samples, start, padShort ? start + window : end); // pads with zeros
            windows.add(w);
        }
        return windows;
    }
}
