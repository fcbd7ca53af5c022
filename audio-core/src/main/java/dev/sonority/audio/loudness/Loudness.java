package dev.sonority.audio.loudness;

import org.jspecify.annotations.Nullable;

/**
 * Programme loudness of one mono signal, measured by {@link LoudnessMeter}. Every value is finite or
 * {@code null}, and a {@code null} value comes with its reason.
 *
 * <p>Convention: the mono signal is one channel with weight 1.0 (BS.1770-4 {@code G = 1}). A stereo track folded
 * down to {@code (L + R) / 2} therefore reads 3.01 dB below the stereo measurement of the same track when both
 * channels are identical, and 6.02 dB below when they are uncorrelated at equal level (typical music lies in
 * between, near the first). Tools that treat mono as "dual mono" (weight 2, libebur128's
 * {@code EBUR128_DUAL_MONO}) read 3.01 dB higher than this: add {@link #DUAL_MONO_OFFSET_DB} to compare with
 * them. The loudness range is a difference and does not depend on the convention.
 *
 * @param durationSeconds length of the measured signal
 * @param integratedLufs gated integrated loudness (BS.1770-4 Annex 1 / EBU R 128) in LUFS, one channel of weight 1
 * @param integratedUnavailable why {@code integratedLufs} is {@code null}, otherwise {@code null}
 * @param loudnessRangeLu loudness range (EBU Tech 3342) in LU
 * @param loudnessRangeUnavailable why {@code loudnessRangeLu} is {@code null}, otherwise {@code null}
 */
public record Loudness(
        double durationSeconds,
        @Nullable Double integratedLufs,
        @Nullable String integratedUnavailable,
        @Nullable Double loudnessRangeLu,
        @Nullable String loudnessRangeUnavailable) {

    /** {@code 10 log10(2)}: what a dual-mono reading (weight 2) adds to this single-channel one. */
    public static final double DUAL_MONO_OFFSET_DB = 3.010299956639812;

    public Loudness {
        check("integrated loudness", integratedLufs, integratedUnavailable);
        check("loudness range", loudnessRangeLu, loudnessRangeUnavailable);
    }

    private static void check(String what, @Nullable Double value, @Nullable String reason) {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException(what + ": exactly one of value and reason must be given");
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is not finite: " + value);
        }
    }
}
