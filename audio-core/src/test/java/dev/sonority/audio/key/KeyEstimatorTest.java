package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.audio.key.ChordSynth.Timbre;
import org.junit.jupiter.api.Test;

/** Pitch, tuning, sample rates and degenerate input; every truth comes from how the signal is built. */
class KeyEstimatorTest {

    private static final int SR = 22_050;
    private static final int A = KeyEstimate.PITCH_CLASSES.indexOf("A");

    private final KeyEstimator estimator = new KeyEstimator();

    @Test
    void a440SineHasItsHpcpPeakOnA() {
        KeyEstimate e = estimator.estimate(TestSignals.sine(440, 3, SR), SR);
        double[] hpcp = e.hpcp();
        assertThat(argMax(hpcp)).isEqualTo(A);
        assertThat(hpcp[A]).isEqualTo(1.0);
        // A pure tone has no other partials; only the candidate fundamentals f/3 (D) and f/5 (F) receive weight.
        for (int pc = 0; pc < 12; pc++) {
            if (pc != A && pc != KeyEstimate.PITCH_CLASSES.indexOf("D") && pc != KeyEstimate.PITCH_CLASSES.indexOf("F")) {
                assertThat(hpcp[pc]).as("pitch class %s", KeyEstimate.PITCH_CLASSES.get(pc)).isLessThan(0.01);
            }
        }
        assertThat(e.tuningHz()).isCloseTo(440, within(0.5));
    }

    @Test
    void everyEqualTemperedToneC4ToB4PeaksOnItsPitchClass() {
        for (int pc = 0; pc < 12; pc++) {
            double hz = 440 * Math.pow(2, (60 + pc - 69) / 12.0);
            assertThat(argMax(estimator.estimate(TestSignals.sine(hz, 2, SR), SR).hpcp())).as("%.2f Hz", hz).isEqualTo(pc);
        }
    }

    @Test
    void detunedToA435KeepsTheKeyAndMeasuresTheTuning() {
        // A = 435 Hz is 19.7 cents flat; the progressions are written in E minor and B-flat major.
        float[] eMinor = ChordSynth.progression(ChordSynth.MINOR_I_IV_V_I, 4, Timbre.SAWTOOTH, 2, SR, 435, 7);
        KeyEstimate e = estimator.estimate(eMinor, SR);
        assertThat(e.key()).isEqualTo("E");
        assertThat(e.scale()).isEqualTo(Scale.MINOR);
        assertThat(e.tuningHz()).isCloseTo(435, within(1.0));

        float[] bFlatMajor = ChordSynth.progression(ChordSynth.MAJOR_I_VI_IV_V, 10, Timbre.PIANO, 2, SR, 435, 8);
        KeyEstimate b = estimator.estimate(bFlatMajor, SR);
        assertThat(b.key()).isEqualTo("A#");
        assertThat(b.scale()).isEqualTo(Scale.MAJOR);
        assertThat(b.tuningHz()).isCloseTo(435, within(1.0));
    }

    @Test
    void aQuarterToneSharpTuningGivesTheSameHpcpAsConcertPitch() {
        // 452 Hz is 46 cents sharp: without tuning estimation the energy would fall between two bins. A major
        // keeps every partial away from the 100 Hz band edge (bass A2, D2, E2), so the two signals differ only
        // in tuning.
        float[] concert = ChordSynth.progression(ChordSynth.MAJOR_I_IV_V_I, 9, Timbre.ORGAN, 2, SR, 440, 9);
        float[] sharp = ChordSynth.progression(ChordSynth.MAJOR_I_IV_V_I, 9, Timbre.ORGAN, 2, SR, 452, 9);
        KeyEstimate c = estimator.estimate(concert, SR);
        KeyEstimate s = estimator.estimate(sharp, SR);
        assertThat(s.tuningHz()).isCloseTo(452, within(1.0));
        assertThat(s.key()).isEqualTo("A");
        assertThat(s.scale()).isEqualTo(Scale.MAJOR);
        for (int pc = 0; pc < 12; pc++) {
            assertThat(s.hpcp()[pc]).as("pitch class %d", pc).isCloseTo(c.hpcp()[pc], within(0.05));
        }
    }

    @Test
    void otherSampleRatesGiveTheSameKey() {
        for (int rate : new int[] {16_000, 44_100, 48_000}) {
            float[] gMinor = ChordSynth.progression(ChordSynth.MINOR_I_VI_IV_V, 7, Timbre.SINE_PARTIALS, 2, rate, 440, 11);
            KeyEstimate e = estimator.estimate(gMinor, rate);
            assertThat(e.key()).as("%d Hz", rate).isEqualTo("G");
            assertThat(e.scale()).as("%d Hz", rate).isEqualTo(Scale.MINOR);
        }
    }

    @Test
    void strengthAndSecondBestAreConsistent() {
        float[] fMajor = ChordSynth.progression(ChordSynth.MAJOR_I_IV_V_I, 5, Timbre.SAWTOOTH, 2, SR, 440, 12);
        KeyEstimate e = estimator.estimate(fMajor, SR);
        assertThat(e.present()).isTrue();
        assertThat(e.unavailable()).isNull();
        assertThat(e.strength()).isBetween(0.5, 1.0);
        assertThat(e.secondStrength()).isBetween(-1.0, e.strength());
        assertThat(e.key() + e.scale()).isNotEqualTo(e.secondKey() + e.secondScale());
        assertThat(e.firstToSecondRelativeStrength())
                .isCloseTo((e.strength() - e.secondStrength()) / e.strength(), within(1e-12));
    }

    @Test
    void noiseAndClicksOverTheMusicLeaveTheKey() {
        // C minor (i–VI–iv–V, piano) with white noise 20 dB below its peak and a 120 BPM click track on top.
        float[] music = ChordSynth.progression(ChordSynth.MINOR_I_VI_IV_V, 0, Timbre.PIANO, 2, SR, 440, 13);
        float[] noise = TestSignals.whiteNoise(music.length / (double) SR, SR, 0.05, 14);
        float[] clicks = TestSignals.clickTrack(120, music.length / (double) SR, SR);
        float[] mix = new float[music.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = music[i] + noise[Math.min(i, noise.length - 1)] + 0.5f * clicks[Math.min(i, clicks.length - 1)];
        }
        KeyEstimate e = estimator.estimate(mix, SR);
        assertThat(e.key()).isEqualTo("C");
        assertThat(e.scale()).isEqualTo(Scale.MINOR);
    }

    @Test
    void silenceHasNoKey() {
        assertUnavailable(estimator.estimate(TestSignals.silence(5, SR), SR), "silent");
        assertUnavailable(estimator.estimate(TestSignals.whiteNoise(3, SR, 1e-5, 3), SR), "silent");
    }

    @Test
    void whiteNoiseHasNoKey() {
        assertUnavailable(estimator.estimate(TestSignals.whiteNoise(10, SR, 0.5, 4), SR), "no tonal content");
    }

    @Test
    void shortAndBrokenInputHasNoKey() {
        assertUnavailable(estimator.estimate(TestSignals.sine(440, 0.9, SR), SR), "too short");
        assertUnavailable(estimator.estimate(new float[0], SR), "too short");
        float[] broken = TestSignals.sine(440, 2, SR);
        broken[100] = Float.NaN;
        assertUnavailable(estimator.estimate(broken, SR), "NaN");
    }

    @Test
    void aToneTooLowForTheAnalysisBandHasNoKey() {
        // 50 Hz without harmonics: no spectral peak between 100 Hz and 5 kHz.
        assertUnavailable(estimator.estimate(TestSignals.sine(50, 3, SR), SR), "no tonal content");
    }

    private static void assertUnavailable(KeyEstimate e, String reason) {
        assertThat(e.key()).isNull();
        assertThat(e.scale()).isNull();
        assertThat(e.present()).isFalse();
        assertThat(e.unavailable()).contains(reason);
        assertThat(e.strength()).isZero();
        assertThat(e.tuningHz()).isEqualTo(440);
        assertThat(e.hpcp()).containsOnly(0.0);
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
