package dev.sonority.clustering.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.clustering.Method;
import dev.sonority.clustering.RunParameters;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterSamplerTest {

    private final SearchSpace space = SearchSpace.defaults(Method.DBSCAN);
    private final ParameterSampler sampler = new ParameterSampler(space);

    @Test
    void samplesStayInTheirRangesAndCoverThem() {
        SplittableRandom random = new SplittableRandom(1);
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int i = 0; i < 5000; i++) {
            RunParameters p = sampler.sample(random);
            assertThat(p.clusters()).isBetween(40, 100);
            assertThat(p.eps()).isBetween(0.1, 0.5);
            assertThat(p.minSamples()).isBetween(5, 20);
            assertThat(p.pcaComponents()).isBetween(0, 199);
            lowest = Math.min(lowest, p.clusters());
            highest = Math.max(highest, p.clusters());
        }
        assertThat(lowest).isEqualTo(40);
        assertThat(highest).isEqualTo(100);
    }

    @Test
    void mutationsMoveIntegersByAtMostThreeAndRealsByAtMostFiveHundredthsWithinTheRanges() {
        SplittableRandom random = new SplittableRandom(2);
        RunParameters elite = new RunParameters(Method.DBSCAN, 99, 0.12, 6, 100, 5);
        for (int i = 0; i < 2000; i++) {
            RunParameters m = sampler.mutate(elite, random);
            assertThat(m.clusters()).isBetween(96, 100);
            assertThat(m.eps()).isBetween(0.1, 0.17);
            assertThat(m.minSamples()).isBetween(5, 9);
            assertThat(m.pcaComponents()).isBetween(97, 103);
            assertThat(m.seed()).isNotEqualTo(elite.seed());
        }
    }

    @Test
    void rangesAdaptToASmallLibrary() {
        SearchSpace small = SearchSpace.defaults(Method.KMEANS).adaptedTo(150, 200, 20);
        assertThat(small.clusters()).isEqualTo(new IntRange(7, 7)); // 150 / 20: never 40–100 clusters
        assertThat(small.pcaComponents()).isEqualTo(new IntRange(0, 149));
        assertThat(SearchSpace.defaults(Method.KMEANS).adaptedTo(100_000, 200, 20).clusters())
                .isEqualTo(new IntRange(40, 100));
        assertThat(small.describe()).isEqualTo("k 7–7, pca_components 0–149");
    }

    @Test
    void aLibraryUnderTwicePlaylistSizeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SearchSpace.defaults(Method.KMEANS).adaptedTo(39, 200, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The library has 39 songs with vectors; clustering needs at least 2 × min_songs = 40");
        assertThat(SearchSpace.defaults(Method.KMEANS).adaptedTo(40, 200, 20).clusters()).isEqualTo(new IntRange(2, 2));
    }
}
