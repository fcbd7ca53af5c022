package dev.sonority.inference.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** No NaN and no all-zero embedding leaves the service, whatever model computed it. */
class OutputCheckTest {

    @Test
    void anAllZeroEmbeddingIsWithheld() {
        assertThatThrownBy(() -> OutputCheck.vector("musicnn", "embedding", new float[200], 200))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model musicnn returned an all-zero embedding, which has no direction to compare;"
                        + " the result is withheld");
    }

    @Test
    void aNonFiniteValueOrTheWrongDimensionIsWithheld() {
        assertThatThrownBy(() -> OutputCheck.vector("clap", "embedding", new float[] {1, Float.NaN}, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN at embedding[1]");
        assertThatThrownBy(() -> OutputCheck.vector("clap", "embedding", new float[] {1, 0, 0}, 512))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 values, the manifest says 512");
    }

    @Test
    void aVectorWithADirectionAndNoOptionalOutputPass() {
        assertThatCode(() -> OutputCheck.vector("clap", "embedding", new float[] {0, 0, 1e-20f}, 3))
                .doesNotThrowAnyException();
        assertThatCode(() -> OutputCheck.finite("clap", "tags", null)).doesNotThrowAnyException();
    }
}
