package dev.sonority.model.job;

import java.time.Instant;

/**
 * "Vectors of this model changed since this instant": published by the worker after it commits new,
 * updated or deleted vectors, so API instances refresh their embedded index incrementally.
 */
public record IndexChangedEvent(String model, Instant since) {
}
