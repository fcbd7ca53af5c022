package dev.sonority.contract.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void cosineOfKnownVectors() {
        // (1,0) and (1,1) meet at 45 degrees: cos = 1/sqrt(2).
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {1, 1})).isCloseTo(Math.sqrt(0.5), within(1e-7));
        assertThat(Vectors.cosine(new float[] {1, 2, 3}, new float[] {-1, -2, -3})).isCloseTo(-1, within(1e-7));
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void normalizeGivesUnitLengthAndLeavesZeroAlone() {
        float[] v = Vectors.normalizeInPlace(new float[] {3, 4});
        assertThat(v).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.normalizeInPlace(new float[] {0, 0})).containsExactly(0f, 0f);
    }

    @Test
    void detectsNonFiniteValues() {
        assertThat(Vectors.allFinite(new float[] {1, 2})).isTrue();
        assertThat(Vectors.allFinite(new float[] {1, Float.NaN})).isFalse();
        assertThat(Vectors.allFinite(new float[] {Float.NEGATIVE_INFINITY})).isFalse();
    }
}
