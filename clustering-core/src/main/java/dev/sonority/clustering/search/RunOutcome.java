package dev.sonority.clustering.search;

import dev.sonority.clustering.RunParameters;

/** One finished run: its parameters (seed included, so it can be replayed) and its fitness. */
public record RunOutcome(RunParameters parameters, double fitness, int clusters) {
}
