package dev.sonority.contract.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AngularTest {

    @Test
    void distanceIsTheAngleOverPi() {
        // (1,0) and (1,1) meet at 45 degrees = pi/4, a quarter of pi: 0.25. Orthogonal: 0.5. Opposite: 1.
        assertThat(Angular.distance(new float[] {1, 0}, new float[] {1, 1})).isCloseTo(0.25, within(1e-7));
        assertThat(Angular.distance(new float[] {0, 2}, new float[] {3, 0})).isCloseTo(0.5, within(1e-7));
        assertThat(Angular.distance(new float[] {1, 2, 3}, new float[] {-1, -2, -3})).isCloseTo(1, within(1e-7));
        assertThat(Angular.distance(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(0, within(1e-3));
        assertThat(Angular.distance(new float[] {0, 0}, new float[] {1, 0})).isEqualTo(1);
        assertThat(Angular.ofCosine(1.0000001)).isZero(); // rounding just above 1 is clamped, not NaN
    }

    @Test
    void halfwayBetweenOrthogonalUnitVectorsIsTheDiagonal() {
        float[] mid = Angular.interpolate(new float[] {1, 0}, new float[] {0, 1}, 0.5);
        assertThat(mid[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mid[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void movesAtConstantAngularSpeedAndInterpolatesTheLengthLinearly() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            float[] a = gaussian(random, 16);
            float[] b = gaussian(random, 16);
            double whole = Angular.distance(a, b);
            for (double t : new double[] {0, 0.1, 0.37, 0.5, 0.9, 1}) {
                float[] p = Angular.interpolate(a, b, t);
                // on the great circle: the two parts add up to the whole, in proportion t : 1 - t
                assertThat(Angular.distance(a, p)).isCloseTo(t * whole, within(1e-5));
                assertThat(Angular.distance(p, b)).isCloseTo((1 - t) * whole, within(1e-5));
                assertThat(Vectors.norm(p)).isCloseTo((1 - t) * Vectors.norm(a) + t * Vectors.norm(b), within(1e-4));
            }
        }
    }

    @Test
    void parallelVectorsFallBackToLinearInterpolation() {
        float[] p = Angular.interpolate(new float[] {1, 1}, new float[] {3, 3}, 0.5);
        assertThat(p).containsExactly(2f, 2f);
    }

    private static float[] gaussian(Random random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
