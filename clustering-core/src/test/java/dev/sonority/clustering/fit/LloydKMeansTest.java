package dev.sonority.clustering.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.clustering.AdjustedRand;
import dev.sonority.clustering.GeneratedLibrary;
import org.junit.jupiter.api.Test;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

class LloydKMeansTest {

    /**
     * Overlapping clusters (noise 0.5 around centres in [-1, 1]^40), where the answer depends on the seeding:
     * the best of three fits must reach within 1 % of the best of three of Smile's KMeans (the independent
     * reference), and its reported inertia must be the sum of squared distances to the centres.
     */
    @Test
    void matchesSmilesInertiaOnOverlappingClusters() {
        double[][] data = GeneratedLibrary.of(25, 80, 40, 0.5, 1, 17).library().vectors();
        double ours = Double.POSITIVE_INFINITY;
        double smile = Double.POSITIVE_INFINITY;
        for (int seed = 1; seed <= 3; seed++) {
            LloydKMeans.Result result = LloydKMeans.fit(data, 25, 300, seed);
            double recomputed = 0;
            for (int i = 0; i < data.length; i++) {
                recomputed += LloydKMeans.squared(data[i], result.centres()[result.labels()[i]]);
            }
            assertThat(result.inertia()).isCloseTo(recomputed, within(1e-6 * recomputed));
            ours = Math.min(ours, result.inertia());
            MathEx.setSeed(seed);
            CentroidClustering<double[], double[]> reference = KMeans.fit(data, new Clustering.Options(25, 300));
            double theirs = 0;
            for (int i = 0; i < data.length; i++) {
                theirs += LloydKMeans.squared(data[i], reference.center(reference.group(i)));
            }
            smile = Math.min(smile, theirs);
        }
        System.out.printf("LloydKMeans inertia %.6g, Smile %.6g, ratio %.4f%n", ours, smile, ours / smile);
        assertThat(ours).isLessThanOrEqualTo(1.01 * smile);
    }

    @Test
    void findsSeparatedGroupsExactlyAndReplaysASeed() {
        GeneratedLibrary groups = GeneratedLibrary.of(30, 20, 16, 0.05, 1, 3);
        LloydKMeans.Result result = LloydKMeans.fit(groups.library().vectors(), 30, 300, 5);
        assertThat(AdjustedRand.of(groups.truth(), result.labels())).isGreaterThan(0.99);
        assertThat(LloydKMeans.fit(groups.library().vectors(), 30, 300, 5).labels()).isEqualTo(result.labels());
    }

    /** Two points per side of a gap: the only stable answer with k = 2, by hand. */
    @Test
    void aHandBuiltCase() {
        double[][] points = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
        LloydKMeans.Result result = LloydKMeans.fit(points, 2, 300, 1);
        assertThat(result.labels()[0]).isEqualTo(result.labels()[1]).isNotEqualTo(result.labels()[2]);
        assertThat(result.labels()[2]).isEqualTo(result.labels()[3]);
        assertThat(result.inertia()).isCloseTo(1.0, within(1e-12)); // 4 × 0.5²
    }
}
