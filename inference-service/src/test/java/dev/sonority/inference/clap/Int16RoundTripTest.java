package dev.sonority.inference.clap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AudioMuse-AI's {@code np.clip(x, -1, 1)}, {@code (x * 32767.0).astype(np.int16)}, {@code / 32767.0}, worked out
 * by hand for values where truncation, clipping and rounding differ.
 */
class Int16RoundTripTest {

    @Test
    void clipsTruncatesTowardZeroAndScalesBack() {
        float[] out = Int16RoundTrip.apply(new float[] {0.5f, -0.5f, 1.5f, -1.2f, 3e-5f, -3e-5f, 1f});
        // 0.5 * 32767 = 16383.5 -> 16383 (astype truncates; rounding would give 16384)
        assertThat(out[0]).isEqualTo((float) (16383 / 32767.0));
        // -16383.5 -> -16383: toward zero, not floor
        assertThat(out[1]).isEqualTo((float) (-16383 / 32767.0));
        // clipped to ±1 first: 32767 and -32767 -> exactly ±1
        assertThat(out[2]).isEqualTo(1f);
        assertThat(out[3]).isEqualTo(-1f);
        // 3e-5 * 32767 = 0.983 -> 0: below one step the sample vanishes
        assertThat(out[4]).isZero();
        assertThat(out[5]).isZero();
        assertThat(out[6]).isEqualTo(1f);
    }
}
