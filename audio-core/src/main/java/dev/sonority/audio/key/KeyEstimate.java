package dev.sonority.audio.key;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The estimated global key of a track.
 *
 * @param key            the tonic spelled with sharps ({@code C, C#, D, D#, E, F, F#, G, G#, A, A#, B}), or
 *                       {@code null} when no key could be estimated ({@link #unavailable()} says why)
 * @param scale          major or minor; {@code null} exactly when {@code key} is
 * @param strength       Pearson correlation of the track's HPCP with the best key's profile, in [-1, 1]
 *                       (Essentia's {@code strength}); 0 without a key
 * @param secondKey      the tonic of the second-best of the 24 keys (any scale), or {@code null}
 * @param secondScale    its scale, or {@code null}
 * @param secondStrength its correlation, in [-1, 1]; 0 without a key
 * @param firstToSecondRelativeStrength {@code (strength - secondStrength) / strength} when {@code strength > 0}
 *                       (Essentia's output of the same name, a confidence), otherwise 0
 * @param tuningHz       the estimated frequency of A4 in Hz (440 without a key)
 * @param hpcp           the track's mean harmonic pitch class profile, 12 values C..B, maximum 1 (zeros
 *                       without tonal frames); a copy is returned
 * @param unavailable    why there is no key, or {@code null} when there is one
 */
public record KeyEstimate(
        @Nullable String key,
        @Nullable Scale scale,
        double strength,
        @Nullable String secondKey,
        @Nullable Scale secondScale,
        double secondStrength,
        double firstToSecondRelativeStrength,
        double tuningHz,
        double[] hpcp,
        @Nullable String unavailable) {

    /** Tonic names, index = pitch class (0 = C). */
    public static final List<String> PITCH_CLASSES =
            List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");

    public KeyEstimate {
        hpcp = hpcp.clone();
    }

    static KeyEstimate unavailable(String reason) {
        return new KeyEstimate(null, null, 0, null, null, 0, 0, 440, new double[12], reason);
    }

    @Override
    public double[] hpcp() {
        return hpcp.clone();
    }

    /** {@code true} when a key was estimated. */
    public boolean present() {
        return key != null;
    }

    @Override
    public String toString() {
        return key == null
                ? "KeyEstimate[unavailable: " + unavailable + "]"
                : String.format(java.util.Locale.ROOT,
                        "KeyEstimate[%s %s, strength %.3f, second %s %s %.3f, A4 %.2f Hz, hpcp %s]", key,
                        scale == null ? "" : scale.label(), strength, secondKey,
                        secondScale == null ? "" : secondScale.label(), secondStrength, tuningHz, Arrays.toString(hpcp));
    }
}
