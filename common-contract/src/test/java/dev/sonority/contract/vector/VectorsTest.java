package dev.sonority.contract.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
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
    void normalizeGivesUnitLengthInPlace() {
        float[] v = {3, 4}; // the 3-4-5 triangle
        assertThat(Vectors.normalizeInPlace(v)).isSameAs(v).containsExactly(0.6f, 0.8f);
        float[] tiny = {Float.MIN_VALUE, 0}; // a direction however short: (1, 0)
        assertThat(Vectors.normalizeInPlace(tiny)).containsExactly(1f, 0f);
        float[] huge = {Float.MAX_VALUE, Float.MAX_VALUE}; // squares summed in double do not overflow
        assertThat(Vectors.normalizeInPlace(huge)).containsExactly(new float[] {0.70710678f, 0.70710678f},
                within(1e-7f));
    }

    @Test
    void normalizedRandomVectorsHaveUnitLengthAndTheirDirection() {
        Random random = new Random(42);
        for (int n = 0; n < 100; n++) {
            float[] v = new float[1 + random.nextInt(1100)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 1e3);
            }
            double length = 0;
            for (float x : v) {
                length += (double) x * x;
            }
            length = Math.sqrt(length);
            float[] unit = Vectors.normalizeInPlace(v.clone());
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += (double) unit[i] * unit[i];
                assertThat(unit[i]).isCloseTo((float) (v[i] / length), within(1e-6f));
            }
            assertThat(Math.sqrt(sum)).isCloseTo(1.0, within(1e-6));
        }
    }

    /** The zero-vector rule: no direction, no normalisation; the vector is left as it was. */
    @Test
    void aVectorWithoutDirectionIsRefusedAndLeftUntouched() {
        for (float[] v : new float[][] {{}, {0, 0, 0}, {-0f, 0f}, {1, Float.NaN}, {Float.POSITIVE_INFINITY, 1}}) {
            float[] before = v.clone();
            assertThat(Vectors.hasDirection(v)).as(java.util.Arrays.toString(v)).isFalse();
            assertThatThrownBy(() -> Vectors.normalizeInPlace(v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no direction");
            assertThat(v).containsExactly(before);
        }
        assertThat(Vectors.hasDirection(new float[] {0, 0, 1e-30f})).isTrue();
    }

    @Test
    void detectsNonFiniteValues() {
        assertThat(Vectors.allFinite(new float[] {1, 2})).isTrue();
        assertThat(Vectors.allFinite(new float[] {1, Float.NaN})).isFalse();
        assertThat(Vectors.allFinite(new float[] {Float.NEGATIVE_INFINITY})).isFalse();
    }
}
