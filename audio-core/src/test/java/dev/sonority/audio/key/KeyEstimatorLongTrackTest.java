package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.key.ChordSynth.Timbre;
import org.junit.jupiter.api.Test;

/**
 * A whole 4-minute track at 22 050 Hz (a repeated A minor i-VI-iv-V progression) is estimated as A minor. Its cost is
 * measured by {@code ./sonority bench key}, not asserted here: tests do not assert on speed.
 */
class KeyEstimatorLongTrackTest {

    private static final int SR = 22_050;

    @Test
    void fourMinuteTrackIsAMinor() {
        float[] block = ChordSynth.progression(ChordSynth.MINOR_I_VI_IV_V, 9, Timbre.SAWTOOTH, 2, SR, 440, 5);
        float[] track = new float[240 * SR];
        for (int i = 0; i < track.length; i += block.length) {
            System.arraycopy(block, 0, track, i, Math.min(block.length, track.length - i));
        }
        KeyEstimate e = new KeyEstimator().estimate(track, SR);
        assertThat(e.key()).isEqualTo("A");
        assertThat(e.scale()).isEqualTo(Scale.MINOR);
    }
}
