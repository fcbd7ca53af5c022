package dev.sonority.inference.musicnn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.contract.models.ModelName;
import org.junit.jupiter.api.Test;

/**
 * api-service refuses clips shorter than {@link ModelName#minimumClip()} before asking inference-service; that
 * figure must be the one this service's mel front end really needs, or a clip would pass one and fail the other.
 */
class MusicnnMinimumClipTest {

    @Test
    void apiMinimumIsOneWholePatch() {
        // (187 - 1) * 256 + 512 = 48,128 samples at 16 kHz = 3.008 s
        assertThat(MusicnnMel.MIN_SAMPLES).isEqualTo(48_128);
        assertThat(ModelName.MUSICNN.minimumClip().toNanos())
                .isEqualTo(MusicnnMel.MIN_SAMPLES * 1_000_000_000L / MusicnnMel.SAMPLE_RATE);
        assertThat(MusicnnMel.patchCount(MusicnnMel.MIN_SAMPLES)).isEqualTo(1);
        assertThat(MusicnnMel.patchCount(MusicnnMel.MIN_SAMPLES - 1)).isZero();
    }
}
