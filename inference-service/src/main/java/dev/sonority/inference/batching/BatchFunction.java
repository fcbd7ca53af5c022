package dev.sonority.inference.batching;

import dev.sonority.inference.runtime.Placement;
import java.util.List;

/**
 * Runs one batch of items through a model graph: typically stacks them into one tensor of batch size
 * {@code batch.size()}, runs the session with {@code placement}, and splits the output per item.
 */
@FunctionalInterface
public interface BatchFunction<I, O> {

    /** One output per item, in the same order. */
    List<O> run(List<I> batch, Placement placement) throws Exception;
}
