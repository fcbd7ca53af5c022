package dev.sonority.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EBU compliance signals that can be made in mono: Tech 3341 section 2.9 (integrated loudness, 1 kHz sines in
 * both stereo channels, expected within +-0.1 LU) and Tech 3342 section 4 (loudness range, expected within
 * +-1 LU). Tech 3341's stereo sines at -23 dBFS in both channels read -23.0 LUFS; one channel carries half that
 * power, so the mono values here are 10 log10(2) = 3.01 dB lower. Loudness range is a difference and stays as
 * published.
 */
class EbuTestCasesTest {

    private static final int RATE = 48_000;
    private static final double MONO = -Loudness.DUAL_MONO_OFFSET_DB;  // one of the two stereo channels

    /** The definition: a full-scale sine has mean square 1/2 (-3.01 dB); K-weighting is +0.691 dB at 997 Hz. */
    @Test
    void fullScale997HzSineReadsMinus3Point01Lufs() {
        Loudness l = measure(RATE, tone(0, 10, RATE, 997));
        assertThat(l.integratedLufs()).isCloseTo(-3.0103, within(0.01));
        assertThat(l.integratedUnavailable()).isNull();
    }

    /** 1 kHz instead of 997 Hz: the curve is +0.007 dB higher there, within the EBU's 0.1 LU. */
    @ParameterizedTest
    @CsvSource({"48000, 0.1", "44100, 0.1", "22050, 0.1", "16000, 0.1", "96000, 0.1", "8000, 0.25"})
    void fullScale1kHzSineReadsMinus3Point01LufsAtEveryRate(int rate, double tolerance) {
        assertThat(measure(rate, tone(0, 10, rate, 1000)).integratedLufs()).isCloseTo(-3.01, within(tolerance));
    }

    @Test
    void tech3341Case1SineAtMinus23Dbfs() {
        assertThat(measure(RATE, tone(-23, 20, RATE, 1000)).integratedLufs()).isCloseTo(-23 + MONO, within(0.1));
    }

    @Test
    void tech3341Case2SineAtMinus33Dbfs() {
        assertThat(measure(RATE, tone(-33, 20, RATE, 1000)).integratedLufs()).isCloseTo(-33 + MONO, within(0.1));
    }

    /** -36, -23, -36 dBFS for 10, 60, 10 s: the relative gate (at about -34 LUFS) drops the quiet parts. */
    @Test
    void tech3341Case3RelativeGate() {
        float[] pcm = concat(tone(-36, 10, RATE, 1000), tone(-23, 60, RATE, 1000), tone(-36, 10, RATE, 1000));
        assertThat(measure(RATE, pcm).integratedLufs()).isCloseTo(-23 + MONO, within(0.1));
    }

    /** -72, -36, -23, -36, -72 dBFS for 10, 10, 60, 10, 10 s: the -72 dBFS parts fall under the absolute gate. */
    @Test
    void tech3341Case4AbsoluteAndRelativeGate() {
        float[] pcm = concat(tone(-72, 10, RATE, 1000), tone(-36, 10, RATE, 1000), tone(-23, 60, RATE, 1000),
                tone(-36, 10, RATE, 1000), tone(-72, 10, RATE, 1000));
        assertThat(measure(RATE, pcm).integratedLufs()).isCloseTo(-23 + MONO, within(0.1));
    }

    /** -26, -20, -26 dBFS for 20, 20.1, 20 s: nothing gated, the power mean is -23. */
    @Test
    void tech3341Case5NothingGated() {
        float[] pcm = concat(tone(-26, 20, RATE, 1000), tone(-20, 20.1, RATE, 1000), tone(-26, 20, RATE, 1000));
        assertThat(measure(RATE, pcm).integratedLufs()).isCloseTo(-23 + MONO, within(0.1));
    }

    /**
     * Without the gate this would read 10 log10(40 / 10) = 6 dB lower; the -80 dBFS part counts for nothing. What
     * remains, by the definition: 97 blocks wholly in the tone and the 3 that straddle its end with 3/4, 1/2 and 1/4
     * of its power (all above both gates), a mean of 98.5 / 100 of the tone's power.
     */
    @Test
    void aQuietPartBelowMinus70LufsIsNotCounted() {
        float[] pcm = concat(tone(-23, 10, RATE, 1000), tone(-80, 30, RATE, 1000));
        double expected = -23 + MONO + 10 * Math.log10(98.5 / 100);
        assertThat(measure(RATE, pcm).integratedLufs()).isCloseTo(expected, within(0.01));
    }

    @ParameterizedTest(name = "Tech 3342 case {0}: {1} dBFS then {2} dBFS -> {3} LU")
    @CsvSource({"1, -20, -30, 10", "2, -20, -15, 5", "3, -40, -20, 20"})
    void tech3342TwoLevels(int testCase, double firstDbfs, double secondDbfs, double expectedLu) {
        float[] pcm = concat(tone(firstDbfs, 20, RATE, 1000), tone(secondDbfs, 20, RATE, 1000));
        Loudness l = measure(RATE, pcm);
        assertThat(l.loudnessRangeLu()).isCloseTo(expectedLu, within(1.0));  // the EBU's tolerance
        assertThat(l.loudnessRangeLu()).isCloseTo(expectedLu, within(0.05)); // what this meter does
    }

    /** -50, -35, -20, -35, -50 dBFS, 20 s each: the relative gate (about -47 LUFS) drops the -50 parts: 15 LU. */
    @Test
    void tech3342Case4FiveLevels() {
        float[] pcm = concat(tone(-50, 20, RATE, 1000), tone(-35, 20, RATE, 1000), tone(-20, 20, RATE, 1000),
                tone(-35, 20, RATE, 1000), tone(-50, 20, RATE, 1000));
        assertThat(measure(RATE, pcm).loudnessRangeLu()).isCloseTo(15, within(0.05));
    }

    /** The same LRA cases at the analysis rate. */
    @Test
    void tech3342CasesAt22050Hz() {
        int rate = 22_050;
        assertThat(measure(rate, concat(tone(-20, 20, rate, 1000), tone(-30, 20, rate, 1000))).loudnessRangeLu())
                .isCloseTo(10, within(0.05));
        assertThat(measure(rate, concat(tone(-50, 20, rate, 1000), tone(-35, 20, rate, 1000), tone(-20, 20, rate, 1000),
                tone(-35, 20, rate, 1000), tone(-50, 20, rate, 1000))).loudnessRangeLu()).isCloseTo(15, within(0.05));
    }

    @Test
    void aSteadySineHasNoLoudnessRange() {
        assertThat(measure(RATE, tone(-23, 20, RATE, 1000)).loudnessRangeLu()).isCloseTo(0, within(0.01));
    }

    static Loudness measure(int rate, float[] pcm) {
        return new LoudnessMeter(rate).measure(pcm);
    }

    /** A sine whose peak is {@code dbfs} dB below full scale. */
    static float[] tone(double dbfs, double seconds, int rate, double frequencyHz) {
        return TestSignals.sine(frequencyHz, seconds, rate, Math.pow(10, dbfs / 20));
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
