package dev.sonority.clustering.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.clustering.GeneratedLibrary;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MapProjectionTest {

    private static final long SEED = 20261208L;

    /** Six groups of 100 songs in 50-d: centres uniform in [-1, 1]^50, noise 0.1 (see GeneratedLibrary). */
    private static GeneratedLibrary clustered() {
        return GeneratedLibrary.of(6, 100, 50, 0.1, 3, SEED);
    }

    @Test
    void umapOfClusteredVectorsIsTrustworthyAndKeepsEachClusterTogether() {
        GeneratedLibrary generated = clustered();
        double[][] vectors = generated.library().vectors();
        Layout layout = MapProjection.project(vectors, MapMethod.UMAP, SEED);

        assertThat(layout.method()).isEqualTo(MapMethod.UMAP);
        assertThat(layout.points()).hasNumberOfRows(vectors.length);
        assertThat(Trustworthiness.identityIsOne(vectors, 15)).isTrue();
        double trustworthiness = Trustworthiness.of(vectors, layout.points(), 15);
        System.out.println("MapProjectionTest: UMAP trustworthiness (k = 15) over 600 songs = " + trustworthiness);
        assertThat(trustworthiness).isGreaterThanOrEqualTo(0.9);
        assertClustersTogether(layout.points(), generated.truth(), 6);
    }

    @Test
    void theSameSeedGivesTheSameMap() {
        double[][] vectors = clustered().library().vectors();
        double[][] first = MapProjection.project(vectors, MapMethod.UMAP, 7).points();
        double[][] second = MapProjection.project(vectors, MapMethod.UMAP, 7).points();
        assertThat(second).isDeepEqualTo(first);
    }

    @Test
    void songsOutsideTheLargestComponentStillGetAPosition() {
        // two groups of 20 far apart: each song's 15 nearest neighbours are in its own group, so the k-NN graph has
        // two components; every song must still have a finite position, and the groups stay apart
        GeneratedLibrary generated = GeneratedLibrary.of(2, 20, 10, 0.01, 1, SEED);
        double[][] vectors = generated.library().vectors();
        double[][] points = MapProjection.project(vectors, MapMethod.UMAP, SEED).points();
        assertThat(points).hasNumberOfRows(40);
        assertThat(Arrays.stream(points).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)).isTrue();
        assertClustersTogether(points, generated.truth(), 2);
    }

    @Test
    void pcaWhenAskedAndForFewerThanSixteenSongs() {
        double[][] vectors = clustered().library().vectors();
        assertThat(MapProjection.project(vectors, MapMethod.PCA, SEED).method()).isEqualTo(MapMethod.PCA);
        assertThat(MapProjection.project(Arrays.copyOf(vectors, 15), MapMethod.UMAP, SEED).method())
                .isEqualTo(MapMethod.PCA);
        assertThat(MapProjection.project(Arrays.copyOf(vectors, 16), MapMethod.UMAP, SEED).method())
                .isEqualTo(MapMethod.UMAP);
    }

    @Test
    void pcaOfPointsOnALineIsTheirPositionAlongIt() {
        // points t·(1, 2, 0): the first principal axis is (1, 2, 0)/√5, so x differences are √5 times t's, y is 0
        double[] t = {-2, -0.5, 0, 1, 3.5};
        double[][] vectors = Arrays.stream(t).mapToObj(v -> new double[] {v, 2 * v, 0}).toArray(double[][]::new);
        Layout layout = MapProjection.project(vectors, MapMethod.UMAP, SEED);
        assertThat(layout.method()).isEqualTo(MapMethod.PCA);
        double[][] p = layout.points();
        for (int i = 1; i < t.length; i++) {
            assertThat(Math.abs(p[i][0] - p[0][0])).isCloseTo(Math.sqrt(5) * Math.abs(t[i] - t[0]), within(1e-9));
            assertThat(p[i][1]).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void noSongsAndOneSong() {
        assertThat(MapProjection.project(new double[0][], MapMethod.UMAP, 1).points()).isEmpty();
        assertThat(MapProjection.project(new double[][] {{1, 2}}, MapMethod.UMAP, 1).points())
                .isDeepEqualTo(new double[][] {{0, 0}});
    }

    /** Each cluster's mean distance between its own songs is below its mean distance to any other cluster's. */
    private static void assertClustersTogether(double[][] points, int[] truth, int groups) {
        double[][] sum = new double[groups][groups];
        long[][] count = new long[groups][groups];
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j++) {
                double d = Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
                sum[truth[i]][truth[j]] += d;
                sum[truth[j]][truth[i]] += d;
                count[truth[i]][truth[j]]++;
                count[truth[j]][truth[i]]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            double inside = sum[g][g] / count[g][g];
            for (int h = 0; h < groups; h++) {
                if (h != g) {
                    assertThat(inside).as("cluster %d inside vs to cluster %d", g, h)
                            .isLessThan(sum[g][h] / count[g][h]);
                }
            }
        }
    }
}
