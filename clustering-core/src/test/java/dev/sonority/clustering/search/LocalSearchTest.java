package dev.sonority.clustering.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.clustering.AdjustedRand;
import dev.sonority.clustering.GeneratedLibrary;
import dev.sonority.clustering.Method;
import dev.sonority.clustering.fitness.FitnessWeights;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSearchTest {

    /** Eight mood groups of 40 songs; the ranges let the search try 2–16 clusters. */
    private static final GeneratedLibrary EIGHT = GeneratedLibrary.of(8, 40, 24, 0.15, 4, 9);

    private static SearchSettings settings(long seed) {
        SearchSpace space = new SearchSpace(Method.KMEANS, new IntRange(2, 16), new DoubleRange(0.1, 0.5),
                new IntRange(5, 20), new IntRange(0, 0));
        return SearchSettings.of(space, 100, 320, FitnessWeights.DEFAULTS, seed);
    }

    /**
     * The mood fitness (the reference's) rewards pure clusters and many distinct moods; it does not punish
     * splitting a mood group in two, so the chosen k may exceed the 8 true groups and the ARI is reported,
     * not required to be 1. What the fitness does promise is checked: every cluster holds one true group
     * (≥ 95 % of its songs) and every group's mood dominates some cluster.
     */
    @Test
    void theChosenSolutionsClustersArePureAndCoverEveryMood() {
        LocalSearch.Result result = LocalSearch.run(EIGHT.library(), settings(1), () -> false);
        var best = result.best().orElseThrow();
        int[] found = best.partition().labels(); // the sample is the whole library, in its order
        System.out.printf("LocalSearch: best k=%d fitness=%.4f ARI=%.4f after %d runs, curve %s%n",
                best.partition().k(), best.fitness().score(), AdjustedRand.of(EIGHT.truth(), found),
                result.state().finishedRuns(), result.state().curve());
        for (int c = 0; c < best.partition().k(); c++) {
            int[] perGroup = new int[8];
            int size = 0;
            for (int i = 0; i < found.length; i++) {
                if (found[i] == c) {
                    perGroup[EIGHT.truth()[i]]++;
                    size++;
                }
            }
            assertThat(Arrays.stream(perGroup).max().orElseThrow()).as("cluster " + c).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * size));
        }
        assertThat(Arrays.stream(best.fitness().dominantLabels()).filter(l -> l >= 0).distinct().count()).isEqualTo(8);
    }

    @Test
    void theCurveNeverFallsAndTheSearchStopsAfterThreeBatchesWithoutImprovement() {
        SearchState state = LocalSearch.run(EIGHT.library(), settings(2), () -> false).state();
        var curve = state.curve();
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i)).isGreaterThanOrEqualTo(curve.get(i - 1));
        }
        if (state.stoppedEarly()) { // the last three batches found nothing better than the one before them
            int last = curve.size() - 1;
            assertThat(curve.get(last)).isEqualTo(curve.get(last - 3));
        } else {
            assertThat(state.finishedRuns()).isEqualTo(100);
        }
    }

    @Test
    void aSeedReplaysTheWholeSearch() {
        var first = LocalSearch.run(EIGHT.library(), settings(3), () -> false);
        var again = LocalSearch.run(EIGHT.library(), settings(3), () -> false);
        assertThat(again.state().curve()).isEqualTo(first.state().curve());
        assertThat(again.state().elites().elites()).isEqualTo(first.state().elites().elites());
    }

    @Test
    void aCancelStopsAtTheNextRun() {
        AtomicInteger asked = new AtomicInteger();
        var result = LocalSearch.run(EIGHT.library(), settings(4), () -> asked.incrementAndGet() > 5);
        assertThat(result.state().finishedRuns()).isLessThanOrEqualTo(5);
    }
}
