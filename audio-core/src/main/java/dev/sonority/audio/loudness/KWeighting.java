package dev.sonority.audio.loudness;

/**
 * The K-weighting of ITU-R BS.1770-4 (Annex 1, Figures 1-4): a high-shelf pre-filter that models the acoustic
 * effect of the head (about +4 dB above 2 kHz) followed by the RLB high-pass ("revised low-frequency B-curve",
 * corner near 38 Hz), derived for any sample rate.
 *
 * <p>The standard publishes coefficients for 48 kHz only (Tables 1 and 2). As in libebur128, each stage is
 * rebuilt from the analog prototype behind those tables (shelf: centre 1681.97 Hz, high-frequency gain
 * +3.99984 dB, Q 0.70718, mid gain exponent 0.49967; high-pass: corner 38.135 Hz, Q 0.50033) and mapped to the
 * target rate by the bilinear transform pre-warped at the corner ({@code K = tan(pi f0 / fs)}); at 48 kHz this
 * reproduces the published coefficients to 1e-13 (they are printed with 14 digits).
 *
 * <p>One deliberate difference from libebur128: the published high-pass has numerator {@code [1, -2, 1]} without
 * normalisation, which gives it a passband gain of {@code 1 + K/Q + K^2} = +0.043 dB at 48 kHz. The constant
 * -0.691 dB of the loudness formula is calibrated to that 48 kHz filter. Keeping {@code [1, -2, 1]} at other rates
 * would let this gain drift with the rate (+0.094 dB at 22.05 kHz, +0.26 dB at 8 kHz); here the numerator is
 * scaled so that the passband gain stays the 48 kHz one, and the cascade matches the 48 kHz response within
 * 0.03 dB from 10 Hz to 10 kHz at 22.05 kHz (within 0.21 dB at 8 kHz, where the shelf is warped near Nyquist).
 *
 * @param preFilter stage 1, the high shelf
 * @param rlbHighPass stage 2, the RLB high-pass
 * @param sampleRate the rate the coefficients are for, in Hz
 */
public record KWeighting(Biquad preFilter, Biquad rlbHighPass, double sampleRate) {

    static final double SHELF_FREQUENCY_HZ = 1681.974450955533;
    static final double SHELF_GAIN_DB = 3.999843853973347;
    static final double SHELF_Q = 0.7071752369554196;
    static final double SHELF_MID_GAIN_EXPONENT = 0.4996667741545416;
    static final double HIGH_PASS_FREQUENCY_HZ = 38.13547087602444;
    static final double HIGH_PASS_Q = 0.5003270373238773;
    static final double REFERENCE_RATE_HZ = 48_000;

    /** The K-weighting for {@code sampleRate} Hz. */
    public static KWeighting forSampleRate(double sampleRate) {
        if (!(sampleRate > 2 * SHELF_FREQUENCY_HZ)) {
            throw new IllegalArgumentException("sample rate too low for K-weighting: " + sampleRate);
        }
        return new KWeighting(highShelf(sampleRate), rlbHighPass(sampleRate), sampleRate);
    }

    /** Magnitude of the whole cascade at {@code frequencyHz}, in dB. */
    public double magnitudeDb(double frequencyHz) {
        return 20 * Math.log10(preFilter.magnitude(frequencyHz, sampleRate) * rlbHighPass.magnitude(frequencyHz, sampleRate));
    }

    /** Stage 1: bilinear transform of {@code (Vh s^2 + Vb s / Q + 1) / (s^2 + s / Q + 1)}, s normalised to f0. */
    static Biquad highShelf(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_FREQUENCY_HZ / sampleRate);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_MID_GAIN_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        return new Biquad(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / SHELF_Q + k * k) / a0);
    }

    /**
     * Stage 2: bilinear transform of {@code G s^2 / (s^2 + s / Q + 1)}, with the passband gain {@code G} of the
     * published 48 kHz filter (see the class comment).
     */
    static Biquad rlbHighPass(double sampleRate) {
        double gain = highPassDenominator(REFERENCE_RATE_HZ) / highPassDenominator(sampleRate);
        double k = Math.tan(Math.PI * HIGH_PASS_FREQUENCY_HZ / sampleRate);
        double a0 = highPassDenominator(sampleRate);
        return new Biquad(gain, -2 * gain, gain, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0);
    }

    private static double highPassDenominator(double sampleRate) {
        double k = Math.tan(Math.PI * HIGH_PASS_FREQUENCY_HZ / sampleRate);
        return 1 + k / HIGH_PASS_Q + k * k;
    }
}
