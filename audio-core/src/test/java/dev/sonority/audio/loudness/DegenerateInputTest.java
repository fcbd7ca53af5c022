package dev.sonority.audio.loudness;

import static dev.sonority.audio.loudness.EbuTestCasesTest.concat;
import static dev.sonority.audio.loudness.EbuTestCasesTest.measure;
import static dev.sonority.audio.loudness.EbuTestCasesTest.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import org.junit.jupiter.api.Test;

/** Inputs without a loudness: every value is finite or null with its reason, never NaN or infinite. */
class DegenerateInputTest {

    private static final int RATE = 22_050;

    @Test
    void silenceHasNoLoudness() {
        Loudness l = measure(RATE, TestSignals.silence(10, RATE));
        assertThat(l.integratedLufs()).isNull();
        assertThat(l.integratedUnavailable()).startsWith("silence");
        assertThat(l.loudnessRangeLu()).isNull();
        assertThat(l.loudnessRangeUnavailable()).startsWith("silence");
        assertThat(l.durationSeconds()).isCloseTo(10, within(1e-9));
    }

    @Test
    void nothingAtAll() {
        Loudness l = measure(RATE, new float[0]);
        assertThat(l.integratedUnavailable()).startsWith("too short: 0.000 s");
        assertThat(l.loudnessRangeUnavailable()).startsWith("too short");
    }

    @Test
    void shorterThanOneBlockHasNoIntegratedLoudness() {
        Loudness l = measure(RATE, tone(-10, 0.399, RATE, 1000));
        assertThat(l.integratedLufs()).isNull();
        assertThat(l.integratedUnavailable()).isEqualTo("too short: 0.399 s, integrated loudness needs at least one 400 ms block");
        assertThat(l.loudnessRangeUnavailable()).startsWith("too short");
    }

    @Test
    void oneBlockGivesIntegratedLoudnessButNoRange() {
        Loudness l = measure(RATE, tone(-10, 0.4, RATE, 1000));
        assertThat(l.integratedLufs()).isCloseTo(-13.01, within(0.1));
        assertThat(l.loudnessRangeLu()).isNull();
        assertThat(l.loudnessRangeUnavailable()).isEqualTo("too short: 0.400 s, loudness range needs at least one 3 s window");
    }

    @Test
    void threeSecondsGiveOneShortTermWindow() {
        assertThat(measure(RATE, tone(-10, 2.99, RATE, 1000)).loudnessRangeLu()).isNull();
        assertThat(measure(RATE, tone(-10, 3.0, RATE, 1000)).loudnessRangeLu()).isCloseTo(0, within(1e-9));
    }

    /** The K-weighting's high-pass removes DC; the filter starts in its steady state, so there is no step. */
    @Test
    void aConstantDcOffsetIsSilence() {
        float[] dc = new float[10 * RATE];
        java.util.Arrays.fill(dc, 0.5f);
        Loudness l = measure(RATE, dc);
        assertThat(l.integratedLufs()).isNull();
        assertThat(l.integratedUnavailable()).startsWith("silence");
        assertThat(l.loudnessRangeUnavailable()).startsWith("silence");
    }

    @Test
    void aDcOffsetUnderATuneDoesNotChangeItsLoudness() {
        float[] sine = tone(-20, 10, RATE, 440);
        float[] shifted = sine.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.3f;
        }
        assertThat(measure(RATE, shifted).integratedLufs()).isCloseTo(measure(RATE, sine).integratedLufs(), within(0.001));
    }

    /** Uniform noise of peak 1 has mean square 1/3 (-4.77 dB); its K-weighted power is a little higher (shelf). */
    @Test
    void whiteNoiseIsFiniteAndNearItsPower() {
        Loudness l = measure(RATE, TestSignals.whiteNoise(30, RATE, 1.0, 42));
        assertThat(l.integratedLufs()).isBetween(-4.77 - 0.691, -4.77 + 4.05 - 0.691);
        assertThat(l.loudnessRangeLu()).isBetween(0.0, 0.2);  // steady noise: short-term values within tenths of a dB
    }

    @Test
    void notANumberInTheInputIsReported() {
        float[] pcm = tone(-20, 5, RATE, 440);
        pcm[RATE] = Float.NaN;
        Loudness l = measure(RATE, pcm);
        assertThat(l.integratedLufs()).isNull();
        assertThat(l.integratedUnavailable()).contains("non-finite");
        assertThat(l.loudnessRangeUnavailable()).contains("non-finite");
        pcm[RATE] = Float.POSITIVE_INFINITY;
        assertThat(measure(RATE, pcm).integratedUnavailable()).contains("non-finite");
    }

    @Test
    void samplesFarBeyondFullScaleStayFinite() {
        float[] pcm = tone(0, 5, RATE, 1000);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] *= 1e30f;
        }
        assertThat(measure(RATE, pcm).integratedLufs()).isCloseTo(-3.01 + 600, within(0.2));
    }

    /**
     * Tech 3342 case 2 (5 LU) moved down to -60 / -65 dBFS, after 10 s at -76 dBFS (-79 LUFS). The relative gate
     * (20 LU below about -65 LUFS) would keep the quiet part; only the absolute gate at -70 LUFS drops it. Were it
     * counted, its 70 windows would be the 10th percentile and the range about 16 LU.
     */
    @Test
    void theAbsoluteGateKeepsAQuietPartOutOfTheRange() {
        float[] pcm = concat(tone(-76, 10, RATE, 1000), tone(-60, 20, RATE, 1000), tone(-65, 20, RATE, 1000));
        assertThat(measure(RATE, pcm).loudnessRangeLu()).isCloseTo(5, within(0.1));
    }

    @Test
    void rejectsUnsupportedRates() {
        assertThatThrownBy(() -> new LoudnessMeter(7_999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoudnessMeter(384_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LoudnessMeter(8_000).sampleRate()).isEqualTo(8_000);
        assertThat(new LoudnessMeter(384_000).measure(tone(0, 1, 384_000, 1000)).integratedLufs()).isCloseTo(-3.01, within(0.1));
    }

    @Test
    void theRecordRefusesNaNAndMissingReasons() {
        assertThatThrownBy(() -> new Loudness(1, Double.NaN, null, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loudness(1, null, null, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loudness(1, -10.0, "x", null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
