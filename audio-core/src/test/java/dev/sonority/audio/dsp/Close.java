package dev.sonority.audio.dsp;

import static org.assertj.core.api.Assertions.fail;

/** Element-wise comparison with a relative tolerance and an absolute floor, reporting the worst element. */
final class Close {

    private Close() {}

    static void assertClose(String what, double[] expected, double[] actual, double relative, double absolute) {
        if (expected.length != actual.length) {
            fail("%s: %d values expected, got %d", what, expected.length, actual.length);
        }
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < expected.length; i++) {
            double allowed = Math.max(absolute, relative * Math.abs(expected[i]));
            double error = Math.abs(expected[i] - actual[i]);
            if (!(error <= allowed) && (worst < 0 || error / allowed > worstExcess)) {
                worst = i;
                worstExcess = error / allowed;
            }
        }
        if (worst >= 0) {
            fail("%s[%d]: expected %.10g, got %.10g (%.1fx the tolerance)", what, worst, expected[worst], actual[worst], worstExcess);
        }
    }
}
