package dev.sonority.audio.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import org.junit.jupiter.api.Test;

/**
 * DFA danceability on signals whose fluctuation scaling is known: white noise has independent frame levels, so
 * its integrated profile is a random walk (alpha = 0.5 at every scale, danceability 1 / 0.5 = 2); a steady beat
 * stops the fluctuation growing beyond its period (smaller alpha at long scales, danceability above 2).
 */
class DanceabilityTest {

    private static final int SR = 22_050;

    @Test
    void whiteNoiseScalesAsARandomWalk() {
        double d = Danceability.of(TestSignals.whiteNoise(60, SR, 0.3, 7), SR).getAsDouble();
        assertThat(d).isCloseTo(2.0, within(0.3));
    }

    @Test
    void aSteadyBeatIsMoreDanceableThanNoise() {
        double beat = Danceability.of(TestSignals.clickTrack(120, 60, SR), SR).getAsDouble();
        double noise = Danceability.of(TestSignals.whiteNoise(60, SR, 0.3, 7), SR).getAsDouble();
        System.out.printf("danceability: clicks 120 BPM %.2f, white noise %.2f%n", beat, noise);
        assertThat(Double.isFinite(beat)).isTrue();
        assertThat(beat).isGreaterThan(noise + 0.2).isLessThanOrEqualTo(3.0);
    }

    @Test
    void tooShortOrConstantInputHasNone() {
        assertThat(Danceability.of(TestSignals.whiteNoise(10, SR, 0.3, 1), SR)).isEmpty();
        assertThat(Danceability.of(TestSignals.silence(30, SR), SR)).isEmpty();
    }
}
