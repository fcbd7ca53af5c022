package dev.sonority.api.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Feeds rows into an index from several threads (Lucene's writer is thread-safe, one in-memory segment per
 * thread), so that decoding, normalising and writing rows keeps pace with the PostgreSQL cursor. The rows go in
 * as flat vectors; the one graph over all of them is built afterwards ({@link GraphPhases}). Batches in flight
 * are bounded, so the reader of PostgreSQL never runs far ahead of the writers.
 */
final class ParallelBuild implements AutoCloseable {

    private static final int BATCH = 256;

    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final Predicate<EmbeddingRows.Row> add;
    private final List<Future<?>> futures = new ArrayList<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<Instant> newest = new AtomicReference<>();
    private List<EmbeddingRows.Row> batch = new ArrayList<>(BATCH);

    /** @param add adds one row, false when the row was left out */
    ParallelBuild(int threads, Predicate<EmbeddingRows.Row> add) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("sonority-index-build-", 0)
                .daemon().factory());
        this.inFlight = new Semaphore(threads * 2);
        this.add = add;
    }

    void accept(EmbeddingRows.Row row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Waits until every row is added; rethrows the first failure of a builder thread. */
    void finish() {
        submit();
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("index build interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    long skipped() {
        return skipped.get();
    }

    Instant newest() {
        return newest.get();
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<EmbeddingRows.Row> rows = batch;
        batch = new ArrayList<>(BATCH);
        inFlight.acquireUninterruptibly();
        futures.add(pool.submit(() -> {
            try {
                for (EmbeddingRows.Row row : rows) {
                    if (add.test(row)) {
                        newest.accumulateAndGet(row.updatedAt(), (a, b) -> a == null ? b
                                : b == null || a.isAfter(b) ? a : b);
                    } else {
                        skipped.incrementAndGet();
                    }
                }
            } finally {
                inFlight.release();
            }
        }));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
