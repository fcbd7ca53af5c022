package dev.sonority.clustering.search;

import dev.sonority.clustering.RunParameters;
import java.util.random.RandomGenerator;

/**
 * Draws one run's parameters: uniformly within the {@link SearchSpace}, or (the search's exploitation phase)
 * by mutating an elite's parameters as the reference does: integers move by up to ±{@value #INT_STEP} and
 * reals by up to ±{@value #REAL_STEP}, clamped to the ranges. Every run gets a fresh seed.
 */
public final class ParameterSampler {

    static final int INT_STEP = 3;
    static final double REAL_STEP = 0.05;

    private final SearchSpace space;

    public ParameterSampler(SearchSpace space) {
        this.space = space;
    }

    public RunParameters sample(RandomGenerator random) {
        return new RunParameters(space.method(), space.clusters().sample(random), space.eps().sample(random),
                space.minSamples().sample(random), space.pcaComponents().sample(random), random.nextLong());
    }

    public RunParameters mutate(RunParameters elite, RandomGenerator random) {
        return new RunParameters(space.method(), space.clusters().clamp(elite.clusters() + step(random)),
                space.eps().clamp(elite.eps() + (random.nextDouble() * 2 - 1) * REAL_STEP),
                space.minSamples().clamp(elite.minSamples() + step(random)),
                space.pcaComponents().clamp(elite.pcaComponents() + step(random)), random.nextLong());
    }

    private static int step(RandomGenerator random) {
        return random.nextInt(-INT_STEP, INT_STEP + 1);
    }
}
