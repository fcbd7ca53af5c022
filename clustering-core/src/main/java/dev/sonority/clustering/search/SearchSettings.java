package dev.sonority.clustering.search;

import dev.sonority.clustering.fitness.FitnessWeights;

/**
 * How one search runs. The reference's values: 1,000 runs of 10,000-song samples in batches of 20, an elite
 * set of 10 that is mutated (with probability 0.7 per run) once 20 % of the runs are done, and an early stop
 * after 3 batches without a better solution. Batches are issued a {@code window} of 4 at a time (they may run side by
 * side, on any worker) and accepted in the order issued: a constant, not the number of workers, so a seed gives
 * the same search however many workers run it.
 */
public record SearchSettings(SearchSpace space, int runs, int sampleSize, FitnessWeights weights, long seed,
        int batchSize, int eliteSize, double explorationFraction, double exploitationProbability, int patience,
        int window) {

    public static SearchSettings of(SearchSpace space, int runs, int sampleSize, FitnessWeights weights, long seed) {
        return new SearchSettings(space, runs, sampleSize, weights, seed, 20, 10, 0.2, 0.7, 3, 4);
    }
}
