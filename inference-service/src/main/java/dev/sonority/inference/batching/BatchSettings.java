package dev.sonority.inference.batching;

import java.time.Duration;

/**
 * How batches are formed.
 *
 * @param maxItems the largest batch one graph run gets
 * @param maxWait how long the first item of a batch may wait for more items before the batch runs anyway
 */
public record BatchSettings(int maxItems, Duration maxWait) {

    public BatchSettings {
        if (maxItems < 1) {
            throw new IllegalArgumentException("INFERENCE_BATCH_MAX must be at least 1, was " + maxItems);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("INFERENCE_BATCH_WAIT must not be negative, was " + maxWait);
        }
    }
}
