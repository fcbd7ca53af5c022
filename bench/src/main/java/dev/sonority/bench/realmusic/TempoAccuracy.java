package dev.sonority.bench.realmusic;

import org.jspecify.annotations.Nullable;

/**
 * MIREX tempo accuracy of one estimate against a reference tempo (Gouyon et al. 2006, "An experimental
 * comparison of audio tempo induction algorithms"): Acc1 within 4 % of the reference; Acc2 within 4 % of the
 * reference times 1, 2, 1/2, 3 or 1/3 (octave and triple errors forgiven). A missing estimate is a miss.
 */
public final class TempoAccuracy {

    static final double TOLERANCE = 0.04;
    private static final double[] FACTORS = {1, 2, 0.5, 3, 1.0 / 3};

    private TempoAccuracy() {
    }

    public static boolean acc1(@Nullable Double estimate, double reference) {
        return estimate != null && within(estimate, reference);
    }

    public static boolean acc2(@Nullable Double estimate, double reference) {
        if (estimate == null) {
            return false;
        }
        for (double f : FACTORS) {
            if (within(estimate, reference * f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(double estimate, double target) {
        return Math.abs(estimate - target) <= TOLERANCE * target;
    }
}
