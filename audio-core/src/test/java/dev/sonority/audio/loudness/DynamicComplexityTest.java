package dev.sonority.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import org.junit.jupiter.api.Test;

/** Dynamic complexity against its definition: mean |frame level - mean level| in dB over 0.2 s frames. */
class DynamicComplexityTest {

    private static final int SR = 22_050;

    @Test
    void aSteadyToneHasNone() {
        assertThat(DynamicComplexity.of(TestSignals.sine(440, 10, SR, 0.5), SR).getAsDouble()).isCloseTo(0.0, within(0.05));
    }

    @Test
    void framesAlternatingBetweenTwoLevelsDeviateByHalfTheirDistance() {
        // 0.2 s at amplitude 0.5 (mean square 0.125), 0.2 s at 0.05: levels 20 dB apart, so every frame is 10 dB
        // from the mean; one second of digital silence before and after must not count
        int frame = (int) Math.round(0.2 * SR);
        float[] y = new float[SR + 20 * frame + SR];
        for (int f = 0; f < 20; f++) {
            float[] tone = TestSignals.sine(1000, 0.2, SR, f % 2 == 0 ? 0.5 : 0.05);
            System.arraycopy(tone, 0, y, SR + f * frame, frame);
        }
        assertThat(DynamicComplexity.of(y, SR).getAsDouble()).isCloseTo(10.0, within(0.1));
    }

    @Test
    void silenceAndTooShortInputHaveNone() {
        assertThat(DynamicComplexity.of(TestSignals.silence(5, SR), SR)).isEmpty();
        assertThat(DynamicComplexity.of(TestSignals.sine(440, 0.3, SR), SR)).isEmpty();
    }
}
