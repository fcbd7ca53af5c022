package dev.sonority.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tests' yardstick against scikit-learn's documented values of {@code adjusted_rand_score}. */
class AdjustedRandTest {

    @Test
    void agreesWithScikitLearnsDocumentedExamples() {
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1})).isCloseTo(0.5714285714285715, within(1e-12));
        assertThat(AdjustedRand.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(-0.5, within(1e-12));
    }
}
