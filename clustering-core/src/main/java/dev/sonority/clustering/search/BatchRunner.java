package dev.sonority.clustering.search;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.RunParameters;
import dev.sonority.clustering.fit.ClusterFitter;
import dev.sonority.clustering.fit.Partition;
import dev.sonority.clustering.fit.StratifiedSample;
import dev.sonority.clustering.fitness.Fitness;
import dev.sonority.clustering.fitness.FitnessWeights;
import dev.sonority.clustering.fitness.MoodFitness;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch of clusterings on one library: each run draws its genre-stratified sample from its own seed,
 * fits and scores it. The worker's side of the search; a cancel is seen before each run.
 */
public final class BatchRunner {

    private final Library library;
    private final int sampleSize;
    private final FitnessWeights weights;

    public BatchRunner(Library library, int sampleSize, FitnessWeights weights) {
        this.library = library;
        this.sampleSize = sampleSize;
        this.weights = weights;
    }

    /** The outcomes of the runs done before {@code cancelled} said stop (all of them if it never did). */
    public List<RunOutcome> run(List<RunParameters> batch, BooleanSupplier cancelled) {
        List<RunOutcome> outcomes = new ArrayList<>(batch.size());
        for (RunParameters parameters : batch) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Solution solution = solve(parameters);
            outcomes.add(new RunOutcome(parameters, solution.fitness().score(), solution.partition().k()));
        }
        return outcomes;
    }

    /** Replays one run in full: its sample, its clusters and its fitness. */
    public Solution solve(RunParameters parameters) {
        int[] sample = StratifiedSample.draw(library.genres(), sampleSize, new SplittableRandom(parameters.seed()));
        Library songs = library.subset(sample);
        Partition partition = ClusterFitter.fit(songs.vectors(), parameters);
        Fitness fitness = MoodFitness.score(partition, songs.labelScores(), weights);
        return new Solution(parameters, songs, partition, fitness);
    }

    /** One run replayed: the songs it clustered (its sample), their clusters and the fitness. */
    public record Solution(RunParameters parameters, Library songs, Partition partition, Fitness fitness) {
    }
}
