package dev.sonority.api.discovery.alchemy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SoftmaxDrawTest {

    private static final double[] DISTANCES = {0.30, 0.10, 0.50, 0.15, 0.20};

    @Test
    void temperatureZeroTakesTheNearestInOrderWhateverTheSeed() {
        assertThat(SoftmaxDraw.draw(DISTANCES, 3, 0, 1)).containsExactly(1, 3, 4);
        assertThat(SoftmaxDraw.draw(DISTANCES, 3, 0, 99)).containsExactly(1, 3, 4);
        assertThat(SoftmaxDraw.draw(DISTANCES, 9, 0, 1)).containsExactly(1, 3, 4, 0, 2);
    }

    @Test
    void aSeedReproducesADrawAndOtherSeedsDrawOtherwise() {
        int[] once = SoftmaxDraw.draw(DISTANCES, 5, 0.1, 42);
        assertThat(SoftmaxDraw.draw(DISTANCES, 5, 0.1, 42)).containsExactly(once);
        int differing = 0;
        for (long seed = 0; seed < 50; seed++) {
            if (!Arrays.equals(SoftmaxDraw.draw(DISTANCES, 5, 0.1, seed), once)) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(10);
    }

    /**
     * The first song drawn is song i with probability exp(-d_i / T) / sum_j exp(-d_j / T), and the second, given the
     * first, with the same formula over the songs left (computed here, compared with 40,000 seeded draws; the
     * tolerance is about four standard deviations).
     */
    @Test
    void drawsWithTheSoftmaxProbabilitiesOneAfterAnother() {
        double temperature = 0.08;
        double[] weights = Arrays.stream(DISTANCES).map(d -> Math.exp(-d / temperature)).toArray();
        double total = Arrays.stream(weights).sum();
        int draws = 40_000;
        int[] first = new int[DISTANCES.length];
        int[][] firstThenSecond = new int[DISTANCES.length][DISTANCES.length];
        for (long seed = 0; seed < draws; seed++) {
            int[] drawn = SoftmaxDraw.draw(DISTANCES, 2, temperature, seed);
            first[drawn[0]]++;
            firstThenSecond[drawn[0]][drawn[1]]++;
        }
        for (int i = 0; i < DISTANCES.length; i++) {
            assertThat(first[i] / (double) draws).as("first = %d", i).isCloseTo(weights[i] / total, within(0.01));
        }
        // given the nearest (index 1) first, the second is index 3 with probability w3 / (total - w1)
        assertThat(firstThenSecond[1][3] / (double) first[1]).isCloseTo(weights[3] / (total - weights[1]), within(0.015));
    }
}
