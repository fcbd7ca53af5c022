package dev.sonority.inference.batching;

import dev.sonority.inference.runtime.Placement;

/** Told about every batch a {@link DynamicBatcher} runs (metrics; tests watch batch sizes through it). */
public interface BatchObserver {

    /** A request's first items started running {@code queueWaitNanos} after it was submitted. */
    default void queued(long queueWaitNanos) {
    }

    /** A batch of {@code size} items ran on {@code placement} in {@code runNanos}, successfully or not. */
    default void ran(int size, Placement placement, long runNanos, boolean succeeded) {
    }

    /** A batch of {@code size} items ran out of device memory and is retried smaller or on the CPU. */
    default void outOfMemory(int size) {
    }

    BatchObserver NONE = new BatchObserver() { };

    /** Both observers, in order. */
    default BatchObserver and(BatchObserver other) {
        BatchObserver first = this;
        return new BatchObserver() {
            @Override
            public void queued(long queueWaitNanos) {
                first.queued(queueWaitNanos);
                other.queued(queueWaitNanos);
            }

            @Override
            public void ran(int size, Placement placement, long runNanos, boolean succeeded) {
                first.ran(size, placement, runNanos, succeeded);
                other.ran(size, placement, runNanos, succeeded);
            }

            @Override
            public void outOfMemory(int size) {
                first.outOfMemory(size);
                other.outOfMemory(size);
            }
        };
    }
}
