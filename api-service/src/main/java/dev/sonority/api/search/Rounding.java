package dev.sonority.api.search;

/** Numbers as answers show them. */
public final class Rounding {

    private Rounding() {
    }

    /**
     * Six decimals: float scores and distances printed as doubles would show float noise
     * ({@code 0.8999999761581421}), and nothing in an answer is meaningful beyond a millionth.
     */
    public static double six(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
