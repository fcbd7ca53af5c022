package dev.sonority.inference.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the models of one request at the same time (one virtual thread each), so that, e.g., mert, muq and
 * muq_mulan of one 24 kHz request keep a GPU busy together; their batchers still serialise each graph.
 */
final class ModelRuns {

    private ModelRuns() {
    }

    /** The results in order; the first failure (in model order) is rethrown as it was thrown. */
    static <T> List<T> all(List<Callable<T>> runs) {
        if (runs.size() == 1) {
            return List.of(call(runs.getFirst()));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = runs.stream().map(threads::submit).toList();
            List<T> results = new ArrayList<>(runs.size());
            for (Future<T> future : futures) {
                results.add(join(future));
            }
            return results;
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the models ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // InvalidInputException stays a 400, and so on
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> T call(Callable<T> run) {
        try {
            return run.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
