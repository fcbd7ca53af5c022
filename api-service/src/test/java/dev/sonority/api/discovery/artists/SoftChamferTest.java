package dev.sonority.api.discovery.artists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftChamferTest {

    /**
     * A: one style at 0 degrees. B: two styles, at 0 (weight 0.75) and 90 degrees (weight 0.25). From A, the
     * nearest part of B is at 0: distance 0. From B: 0.75 * 0 + 0.25 * 0.5 (90 degrees) = 0.125. Average: 0.0625.
     */
    @Test
    void averagesTheWeightedNearestMatchesBothWays() {
        List<MixtureComponent> a = List.of(new MixtureComponent(at(0), 1));
        List<MixtureComponent> b = List.of(new MixtureComponent(at(0), 0.75), new MixtureComponent(at(90), 0.25));
        assertThat(SoftChamfer.distance(a, b)).isCloseTo(0.0625, within(1e-6));
        assertThat(SoftChamfer.distance(b, a)).isCloseTo(0.0625, within(1e-6));
    }

    @Test
    void twoCentroidsAreTheAngleBetweenThem() {
        assertThat(SoftChamfer.distance(List.of(new MixtureComponent(at(10), 1)), List.of(new MixtureComponent(at(55), 1))))
                .isCloseTo(45 / 180.0, within(1e-6));
    }

    private static float[] at(double degrees) {
        return new float[] {(float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees))};
    }
}
