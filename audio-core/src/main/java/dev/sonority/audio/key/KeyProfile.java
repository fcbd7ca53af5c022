package dev.sonority.audio.key;

/**
 * Published key profiles: the expected weight of each scale degree (I, bII, II, ..., VII, relative to the tonic)
 * in a major and a minor key. The values are the ones Essentia's {@code Key} algorithm uses under the same names.
 */
public enum KeyProfile {

    /**
     * Temperley's profiles for MIREX 2005 (Temperley 2007, "Music and Probability", from the Kostka–Payne
     * corpus of tonal music): pitch-class probabilities of classical and popular harmony.
     */
    TEMPERLEY_2005(
            new double[] {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
            new double[] {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330}),

    /**
     * Faraldo et al. 2017 ("A profile-based method for key estimation in EDM", AES Semantic Audio), Beatport
     * "bgate" profiles: Essentia KeyExtractor's default.
     */
    BGATE(
            new double[] {1.00, 0.00, 0.42, 0.00, 0.53, 0.37, 0.00, 0.77, 0.00, 0.38, 0.21, 0.30},
            new double[] {1.00, 0.00, 0.36, 0.39, 0.00, 0.38, 0.00, 0.74, 0.27, 0.00, 0.42, 0.23}),

    /** Faraldo et al. 2016, profiles learned from electronic dance music ("edma"). */
    EDMA(
            new double[] {1.00, 0.29, 0.50, 0.40, 0.60, 0.56, 0.32, 0.80, 0.31, 0.45, 0.42, 0.39},
            new double[] {1.00, 0.31, 0.44, 0.58, 0.33, 0.49, 0.29, 0.78, 0.43, 0.29, 0.53, 0.32}),

    /** Krumhansl & Kessler 1982 probe-tone ratings. */
    KRUMHANSL(
            new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
            new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17});

    private final double[] major;
    private final double[] minor;

    KeyProfile(double[] major, double[] minor) {
        this.major = major;
        this.minor = minor;
    }

    /** Weight of scale degree {@code degree} (semitones above the tonic, 0..11) in a key of {@code scale}. */
    public double weight(Scale scale, int degree) {
        return switch (scale) {
            case MAJOR -> major[degree];
            case MINOR -> minor[degree];
        };
    }
}
