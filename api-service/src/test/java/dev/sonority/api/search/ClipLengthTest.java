package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.api.web.ApiException;
import org.junit.jupiter.api.Test;

/**
 * A clip too short for a model is a 422 that names the model and its minimum (MusiCNN: one patch, 48,128 samples
 * at 16 kHz = 3.008 s), not a 404 saying no model can search; ClipSongs first tries the chain's next model.
 */
class ClipLengthTest {

    @Test
    void twoSecondsIsTooShortForMusicnnAndSaysSo() {
        assertThatThrownBy(() -> AudioClipEmbedder.requireLongEnough("musicnn", 16_000, 32_000))
                .isInstanceOfSatisfying(ClipTooShortException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.detail()).contains("2.000 s").contains("musicnn").contains("3.008 s");
                });
        assertThatThrownBy(() -> AudioClipEmbedder.requireLongEnough("musicnn", 16_000, 48_127))
                .isInstanceOf(ApiException.class);
        assertThatCode(() -> AudioClipEmbedder.requireLongEnough("musicnn", 16_000, 48_128)).doesNotThrowAnyException();
    }

    @Test
    void otherModelsNeedOneSecond() {
        assertThatCode(() -> AudioClipEmbedder.requireLongEnough("clap", 48_000, 96_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AudioClipEmbedder.requireLongEnough("clap", 48_000, 47_999))
                .isInstanceOf(ApiException.class);
    }
}
