package dev.sonority.clustering.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.clustering.fit.Partition;
import org.junit.jupiter.api.Test;

class MoodFitnessTest {

    /**
     * Two clusters over labels (A, B). Cluster 0's songs score (0.8, 0.2) and (0.6, 0.4): mean (0.7, 0.3),
     * dominant A, purity 0.7. Cluster 1's (0.1, 0.9) and (0.3, 0.7): mean (0.2, 0.8), dominant B, purity 0.8.
     * Diversity sums the best score per distinct dominant label, 0.7 + 0.8 = 1.5, over at most min(2 labels,
     * 2 clusters) = 2; purity sums 0.7 + 0.8 = 1.5 over at most 2 clusters. Both: log1p(1.5) / log1p(2).
     */
    @Test
    void twoClustersWithDifferentMoods() {
        double[][] scores = {{0.8, 0.2}, {0.1, 0.9}, {0.6, 0.4}, {0.3, 0.7}};
        Fitness fitness = MoodFitness.score(new Partition(new int[] {0, 1, 0, 1}, 2), scores, FitnessWeights.DEFAULTS);
        double term = Math.log(2.5) / Math.log(3);
        assertThat(fitness.moodDiversity()).isCloseTo(term, within(1e-12));
        assertThat(fitness.moodPurity()).isCloseTo(term, within(1e-12));
        assertThat(fitness.score()).isCloseTo(3 * term, within(1e-12));
        assertThat(fitness.dominantLabels()).containsExactly(0, 1);
        assertThat(fitness.clusterPurity()).containsExactly(new double[] {0.7, 0.8}, within(1e-12));
    }

    /** Both clusters dominated by A (means 0.7 and 0.9): diversity counts A once, at its best, 0.9. */
    @Test
    void aMoodSharedByClustersCountsOnceForDiversity() {
        double[][] scores = {{0.8, 0.2}, {0.9, 0.1}, {0.6, 0.4}, {0.9, 0.1}};
        Fitness fitness = MoodFitness.score(new Partition(new int[] {0, 1, 0, 1}, 2), scores, new FitnessWeights(1, 0));
        assertThat(fitness.moodDiversity()).isCloseTo(Math.log1p(0.9) / Math.log1p(2), within(1e-12));
        assertThat(fitness.moodPurity()).isCloseTo(Math.log1p(1.6) / Math.log1p(2), within(1e-12));
        assertThat(fitness.score()).isCloseTo(fitness.moodDiversity(), within(1e-12));
    }

    @Test
    void noiseAndEmptyClustersDoNotCount() {
        double[][] scores = {{1, 0}, {0, 1}};
        Fitness fitness = MoodFitness.score(new Partition(new int[] {0, Partition.NOISE}, 2), scores,
                FitnessWeights.DEFAULTS);
        assertThat(fitness.dominantLabels()).containsExactly(0, -1);
        assertThat(fitness.moodPurity()).isCloseTo(1.0, within(1e-12)); // log1p(1) / log1p(1)
    }
}
