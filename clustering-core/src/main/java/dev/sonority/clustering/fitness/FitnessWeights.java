package dev.sonority.clustering.fitness;

/** The weights of a run's fitness terms; the reference's defaults are diversity 2.0 and purity 1.0. */
public record FitnessWeights(double moodDiversity, double moodPurity) {

    public static final FitnessWeights DEFAULTS = new FitnessWeights(2.0, 1.0);
}
