package dev.sonority.inference.embedding;

import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.WindowSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a model's windows lie on a track: every {@code hop} samples while a whole window fits, plus one window
 * aligned to the end when the last one stops short, so the whole track is covered. A track shorter than one
 * window is one window: zero-padded to the full length ({@code padShort}, clap) or run at its own length
 * (mert, muq, muq_mulan, whose mean over time zeros would dilute), and then at least {@code minimum} samples.
 *
 * @param window window length in samples
 * @param hop distance between window starts in samples
 * @param minimum the shortest track accepted, in samples
 * @param padShort whether a short track is zero-padded to {@code window}
 */
public record WindowLayout(int window, int hop, int minimum, boolean padShort) {

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
        for (int s = 0; s + window <= samples; s += hop) {
            starts.add(s);
        }
        if (starts.getLast() + window < samples) {
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
