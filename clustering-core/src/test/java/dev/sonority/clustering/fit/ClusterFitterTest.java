package dev.sonority.clustering.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.clustering.AdjustedRand;
import dev.sonority.clustering.GeneratedLibrary;
import dev.sonority.clustering.Method;
import dev.sonority.clustering.RunParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ClusterFitterTest {

    /** Six groups whose centres lie ~2.6 apart (32-d, uniform in [-1, 1]) and whose songs 0.1 around them. */
    private static final GeneratedLibrary SIX = GeneratedLibrary.of(6, 50, 32, 0.1, 3, 42);

    @ParameterizedTest
    @EnumSource(Method.class)
    void everyMethodFindsWellSeparatedGroups(Method method) {
        // DBSCAN: songs lie ~0.1·√32 ≈ 0.57 from their centre, so eps 1.2 joins a group and never two
        RunParameters parameters = new RunParameters(method, 6, 1.2, 5, 0, 7);
        Partition partition = ClusterFitter.fit(SIX.library().vectors(), parameters);
        assertThat(AdjustedRand.of(SIX.truth(), partition.labels())).as(method + " ARI").isGreaterThan(0.99);
    }

    @Test
    void pcaKeepsTheGroups() {
        Partition partition = ClusterFitter.fit(SIX.library().vectors(), new RunParameters(Method.KMEANS, 6, 0, 0, 5, 3));
        assertThat(AdjustedRand.of(SIX.truth(), partition.labels())).isGreaterThan(0.99);
        assertThat(ClusterFitter.project(SIX.library().vectors(), 5)[0]).hasSize(5);
    }

    @Test
    void aSeedReplaysTheSameClusters() {
        GeneratedLibrary blurred = GeneratedLibrary.of(12, 20, 16, 0.6, 3, 5); // overlapping: init matters
        RunParameters run = new RunParameters(Method.KMEANS, 9, 0, 0, 0, 11);
        int[] first = ClusterFitter.fit(blurred.library().vectors(), run).labels();
        int[] again = ClusterFitter.fit(blurred.library().vectors(), run).labels();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void dbscanMarksIsolatedSongsAsNoise() {
        double[][] points = new double[22][2];
        for (int i = 0; i < 20; i++) {
            points[i] = new double[] {i * 0.01, 0};
        }
        points[20] = new double[] {50, 50};
        points[21] = new double[] {-50, 50};
        Partition partition = ClusterFitter.fit(points, new RunParameters(Method.DBSCAN, 0, 0.05, 3, 0, 1));
        assertThat(partition.k()).isEqualTo(1);
        assertThat(partition.labels()[20]).isEqualTo(Partition.NOISE);
        assertThat(partition.labels()[21]).isEqualTo(Partition.NOISE);
        assertThat(partition.sizes()).containsExactly(20);
    }
}
