package dev.sonority.clustering.search;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.RunParameters;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The whole search in this process, window after window, each window's batches one after the other and accepted in
 * the order issued: the same search the CLUSTER task spreads over workers. For tests, benches and small libraries.
 */
public final class LocalSearch {

    private LocalSearch() {
    }

    /** Runs the search to its end (or its cancel) and replays the best run. */
    public static Result run(Library library, SearchSettings settings, BooleanSupplier cancelled) {
        SearchState state = new SearchState(settings);
        BatchRunner runner = new BatchRunner(library, settings.sampleSize(), settings.weights());
        for (List<List<RunParameters>> window = state.nextWindow(); !window.isEmpty()
                && !cancelled.getAsBoolean(); window = state.nextWindow()) {
            for (List<RunParameters> batch : window) {
                if (state.patienceSpent() || cancelled.getAsBoolean()) {
                    break; // the rest of the window is dropped, as the distributed search drops it
                }
                state.accept(runner.run(batch, cancelled));
            }
        }
        Optional<BatchRunner.Solution> best = state.elites().best().map(b -> runner.solve(b.parameters()));
        return new Result(state, best);
    }

    public record Result(SearchState state, Optional<BatchRunner.Solution> best) {
    }
}
