package dev.sonority.audio.acoustic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search vector: z-scored, weighted, unit length; a song with no direction gets the documented fallback. */
class AcousticSearchVectorTest {

    private static final int N = AcousticVector.RAW_DIMENSIONS;

    @Test
    void isTheWeightedZScoreScaledToUnitLength() {
        Random random = new Random(7);
        double[] mean = new double[N];
        double[] std = new double[N];
        float[] raw = new float[N];
        for (int d = 0; d < N; d++) {
            mean[d] = random.nextGaussian();
            std[d] = 0.5 + random.nextDouble();
            raw[d] = (float) (mean[d] + std[d] * random.nextGaussian());
        }
        // one weight per group, so every used dimension d has weight 1 / sqrt(size of its group)
        AcousticVector equal = AcousticVector.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        double[] expected = new double[N];
        double norm = 0;
        for (AcousticVector.Group g : AcousticVector.groups()) {
            for (int d = g.from(); d < g.from() + g.size(); d++) {
                expected[d] = (raw[d] - mean[d]) / std[d] / Math.sqrt(g.size());
                norm += expected[d] * expected[d];
            }
        }
        float[] search = equal.search(raw, AcousticStatistics.of(mean, std, 100));
        assertThat(search).hasSize(N);
        for (int d = 0; d < N; d++) {
            assertThat(search[d]).as("dim %d", d).isCloseTo((float) (expected[d] / Math.sqrt(norm)), within(1e-6f));
        }
    }

    @Test
    void aSongAtTheLibraryMeanIsTheUnitVectorAlongTheFirstUsedDimension() {
        double[] mean = new double[N];
        double[] std = new double[N];
        Arrays.fill(mean, 3.0);
        Arrays.fill(std, 2.0);
        float[] raw = new float[N];
        Arrays.fill(raw, 3f);
        float[] search = AcousticVector.SEARCH.search(raw, AcousticStatistics.of(mean, std, 10));
        float[] expected = new float[AcousticVector.SEARCH.dimensions()];
        expected[0] = 1f;
        assertThat(search).containsExactly(expected);
    }
}
