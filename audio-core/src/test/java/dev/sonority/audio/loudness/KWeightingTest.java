package dev.sonority.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The K-weighting against the coefficients and the response published in ITU-R BS.1770-4 for 48 kHz. */
class KWeightingTest {

    /** BS.1770-4 Table 1 (pre-filter) and Table 2 (RLB high-pass), typed from the standard. */
    private static final Biquad TABLE_1 = new Biquad(1.53512485958697, -2.69169618940638, 1.19839281085285,
            -1.69065929318241, 0.73248077421585);
    private static final Biquad TABLE_2 = new Biquad(1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621);

    @Test
    void at48kHzTheDerivedCoefficientsAreThePublishedOnes() {
        KWeighting k = KWeighting.forSampleRate(48_000);
        assertSame(k.preFilter(), TABLE_1);
        assertSame(k.rlbHighPass(), TABLE_2);
    }

    @Test
    void at48kHzTheResponseIsThePublishedCurve() {
        KWeighting k = KWeighting.forSampleRate(48_000);
        Map<Double, Double> published = LoudnessGolden.response48k();  // scipy.signal.freqz of Tables 1 and 2
        assertThat(published).hasSizeGreaterThan(10);
        published.forEach((f, db) -> assertThat(k.magnitudeDb(f)).as("%s Hz", f).isCloseTo(db, within(1e-6)));
    }

    /** The shape BS.1770-4 Figures 1-3 show: about 0 dB around 500 Hz-1 kHz, +4 dB shelf, RLB roll-off below 100 Hz. */
    @Test
    void theCurveHasTheShapeOfTheStandardsFigures() {
        KWeighting k = KWeighting.forSampleRate(48_000);
        assertThat(k.magnitudeDb(997)).isCloseTo(0.691, within(0.001));  // what the -0.691 dB offset cancels
        assertThat(k.magnitudeDb(500)).isCloseTo(0, within(0.1));
        for (double f : new double[] {4000, 6000, 10_000, 16_000, 23_000}) {
            assertThat(k.magnitudeDb(f)).as("%s Hz", f).isBetween(3.9, 4.1);
        }
        assertThat(k.magnitudeDb(100)).isBetween(-1.3, -1.0);
        assertThat(k.magnitudeDb(38)).isBetween(-6.5, -5.5);  // two coincident poles at the corner: -6 dB
        assertThat(k.magnitudeDb(20)).isLessThan(-13);
        assertThat(k.magnitudeDb(1)).isLessThan(-60);  // a second-order high-pass: -40 dB per decade
        assertThat(k.magnitudeDb(0.1) - k.magnitudeDb(1)).isCloseTo(-40, within(0.1));
    }

    /** At other rates the re-derived filter follows the 48 kHz curve, up to the bilinear warping near Nyquist. */
    @ParameterizedTest
    @CsvSource({"44100, 0.002", "22050, 0.03", "16000, 0.065", "96000, 0.01", "384000, 0.01"})
    void atOtherRatesTheResponseFollowsThe48kHzCurve(int rate, double toleranceDb) {
        KWeighting k = KWeighting.forSampleRate(rate);
        LoudnessGolden.response48k().forEach((f, db) -> {
            if (f < 0.45 * rate) {
                assertThat(k.magnitudeDb(f)).as("%s Hz at %d Hz", f, rate).isCloseTo(db, within(toleranceDb));
            }
        });
    }

    /** Without the passband correction (libebur128's [1, -2, 1]) the level would drift by +0.05 dB at 22.05 kHz. */
    @Test
    void theHighPassKeepsThe48kHzPassbandGainAtEveryRate() {
        double passband48k = TABLE_2.magnitude(24_000, 48_000);  // at Nyquist, z = -1: 4 / (1 - a1 + a2)
        assertThat(20 * Math.log10(passband48k)).isCloseTo(0.0433, within(0.0005));
        for (int rate : new int[] {8000, 22_050, 44_100, 192_000, 384_000}) {
            Biquad hp = KWeighting.forSampleRate(rate).rlbHighPass();
            assertThat(hp.magnitude(rate / 2.0, rate)).as("%d Hz", rate).isCloseTo(passband48k, within(1e-12));
        }
    }

    private static void assertSame(Biquad actual, Biquad published) {
        double[] a = {actual.b0(), actual.b1(), actual.b2(), actual.a1(), actual.a2()};
        double[] p = {published.b0(), published.b1(), published.b2(), published.a1(), published.a2()};
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("coefficient %d", i).isCloseTo(p[i], within(1e-13));
        }
    }
}
