package dev.sonority.inference.batching;

import dev.sonority.inference.runtime.OutOfMemoryFailures;
import dev.sonority.inference.runtime.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the items of concurrent {@link #submit} calls into batches for one graph, run one after another by a
 * single worker thread (the graph itself uses the ONNX Runtime intra-op threads, so one run at a time keeps every
 * core busy without oversubscribing). A batch is closed when it holds {@code maxItems} items or when its first
 * item has waited {@code maxWait}; a request with more items than that is spread over several batches, and the
 * items of one request never change order.
 *
 * <p>A batch that runs out of device memory is split in halves and each half retried; a single item that still
 * does not fit runs on the CPU ({@link Placement#CPU}). Any other failure fails every request in the batch.
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);

    private final String name;
    private final BatchSettings settings;
    private final BatchFunction<I, O> function;
    private final BatchObserver observer;
    private final BlockingQueue<Request<I, O>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;
    /** The request whose items did not all fit into the previous batch; touched by the worker only. */
    private Request<I, O> carried;

    public DynamicBatcher(String name, BatchSettings settings, BatchFunction<I, O> function, BatchObserver observer) {
        this.name = name;
        this.settings = settings;
        this.function = function;
        this.observer = observer;
        this.worker = Thread.ofPlatform().name("batch-" + name).daemon().start(this::work);
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code items} (in batches shared with other callers) and returns one output per item, in order. Blocks
     * until all have run. Throws {@link InferenceFailedException} when a batch failed.
     */
    public List<O> submit(List<I> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        Request<I, O> request = new Request<>(items);
        queue.add(request);
        try {
            return request.result.get();
        } catch (InterruptedException e) {
            request.result.cancel(false);
            Thread.currentThread().interrupt();
            throw new InferenceFailedException(name + ": interrupted while waiting for its batch", e);
        } catch (ExecutionException e) {
            throw new InferenceFailedException(name + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (CancellationException e) {
            throw new InferenceFailedException(name + " was closed before the request ran", e);
        }
    }

    private void work() {
        while (!closed) {
            try {
                List<Slice<I, O>> batch = collect();
                if (!batch.isEmpty()) {
                    run(batch);
                }
            } catch (InterruptedException e) {
                break; // close()
            } catch (RuntimeException | Error e) {
                log.error("{}: batch worker failed", name, e); // the requests of that batch were failed in run()
            }
        }
        failPending();
    }

    /** Waits for a first item, then gathers more until the batch is full or its wait is over. */
    private List<Slice<I, O>> collect() throws InterruptedException {
        Request<I, O> current = carried != null ? carried : queue.take();
        carried = null;
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        List<Slice<I, O>> batch = new ArrayList<>();
        int size = 0;
        while (size < settings.maxItems()) {
            if (current == null) {
                long left = deadline - System.nanoTime();
                current = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                if (current == null) {
                    break;
                }
            }
            if (current.result.isDone()) { // cancelled by its caller, or failed in an earlier batch
                current = null;
                continue;
            }
            if (current.taken == 0) {
                observer.queued(System.nanoTime() - current.submittedNanos);
            }
            int take = Math.min(settings.maxItems() - size, current.items.size() - current.taken);
            batch.add(new Slice<>(current, current.taken, take));
            current.taken += take;
            size += take;
            if (current.taken < current.items.size()) {
                carried = current;
                break;
            }
            current = null;
        }
        return batch;
    }

    private void run(List<Slice<I, O>> batch) {
        List<I> items = new ArrayList<>();
        for (Slice<I, O> slice : batch) {
            items.addAll(slice.request.items.subList(slice.from, slice.from + slice.count));
        }
        List<O> outputs;
        try {
            outputs = runFitting(items, Placement.PREFERRED);
        } catch (Exception | Error e) {
            for (Slice<I, O> slice : batch) {
                slice.request.result.completeExceptionally(e);
            }
            if (carried != null && carried.result.isDone()) {
                carried = null;
            }
            return;
        }
        int at = 0;
        for (Slice<I, O> slice : batch) {
            slice.request.deliver(slice.from, outputs.subList(at, at + slice.count));
            at += slice.count;
        }
    }

    /** Runs the items, halving on device out-of-memory and finally moving a single item to the CPU. */
    private List<O> runFitting(List<I> items, Placement placement) throws Exception {
        long start = System.nanoTime();
        try {
            List<O> outputs = function.run(items, placement);
            observer.ran(items.size(), placement, System.nanoTime() - start, true);
            if (outputs.size() != items.size()) {
                throw new IllegalStateException(name + " returned " + outputs.size() + " outputs for "
                        + items.size() + " items");
            }
            return outputs;
        } catch (Exception e) {
            observer.ran(items.size(), placement, System.nanoTime() - start, false);
            if (placement != Placement.PREFERRED || !OutOfMemoryFailures.isOutOfMemory(e)) {
                throw e;
            }
            observer.outOfMemory(items.size());
            if (items.size() == 1) {
                log.warn("{}: one item does not fit into device memory ({}); running it on the CPU", name,
                        e.getMessage());
                return runFitting(items, Placement.CPU);
            }
            log.warn("{}: a batch of {} ran out of device memory ({}); retrying in halves", name, items.size(),
                    e.getMessage());
            int half = items.size() / 2;
            List<O> outputs = new ArrayList<>(runFitting(items.subList(0, half), placement));
            outputs.addAll(runFitting(items.subList(half, items.size()), placement));
            return outputs;
        }
    }

    private void failPending() {
        CancellationException closing = new CancellationException(name + " closed");
        if (carried != null) {
            carried.result.completeExceptionally(closing);
        }
        for (Request<I, O> request; (request = queue.poll()) != null; ) {
            request.result.completeExceptionally(closing);
        }
    }

    /** Stops the worker after its current batch; requests still waiting fail. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One submit call: its items, how many were handed to batches, and its outputs as they arrive. */
    private static final class Request<I, O> {
        final List<I> items;
        final long submittedNanos = System.nanoTime();
        final CompletableFuture<List<O>> result = new CompletableFuture<>();
        final Object[] outputs;
        int taken;
        int delivered;

        Request(List<I> items) {
            this.items = List.copyOf(items);
            this.outputs = new Object[items.size()];
        }

        @SuppressWarnings("unchecked")
        void deliver(int from, List<O> part) {
            for (int i = 0; i < part.size(); i++) {
                outputs[from + i] = part.get(i);
            }
            delivered += part.size();
            if (delivered == items.size()) {
                List<O> all = new ArrayList<>(items.size());
                for (Object o : outputs) {
                    all.add((O) o);
                }
                result.complete(all);
            }
        }
    }

    private record Slice<I, O>(Request<I, O> request, int from, int count) {
    }
}
