package dev.sonority.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.inference.runtime.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    /** Records every batch it runs; output = item * 10 + placement ordinal, so a CPU run is visible. */
    static final class Recorder implements BatchFunction<Integer, Integer> {
        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        final List<Placement> placements = new CopyOnWriteArrayList<>();
        volatile int outOfMemoryAbove = Integer.MAX_VALUE;
        volatile long sleepMillis;

        @Override
        public List<Integer> run(List<Integer> batch, Placement placement) throws Exception {
            batches.add(List.copyOf(batch));
            placements.add(placement);
            if (placement == Placement.PREFERRED && batch.size() > outOfMemoryAbove) {
                throw new IllegalStateException("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : CUDA failure 2: out of memory");
            }
            Thread.sleep(sleepMillis);
            return batch.stream().map(i -> i * 10 + placement.ordinal()).toList();
        }
    }

    @Test
    void concurrentCallersAreJoinedIntoOneBatch() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger ranSizes = new AtomicInteger();
        BatchObserver observer = new BatchObserver() {
            @Override
            public void ran(int size, Placement placement, long runNanos, boolean succeeded) {
                ranSizes.addAndGet(size);
            }
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test", new BatchSettings(8,
                Duration.ofMillis(500)), recorder, observer)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int item = c;
                results.add(callers.submit(() -> {
                    start.await();
                    return batcher.submit(List.of(item));
                }));
            }
            start.countDown();
            for (int c = 0; c < 8; c++) {
                assertThat(results.get(c).get()).containsExactly(c * 10);
            }
            callers.shutdown();
        }
        // all eight arrived within the 500 ms wait of the first, so they ran as one batch of eight
        assertThat(recorder.batches).hasSize(1);
        assertThat(recorder.batches.getFirst()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(ranSizes).hasValue(8);
    }

    @Test
    void aLargeRequestIsSpreadOverBatchesInOrder() {
        Recorder recorder = new Recorder();
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test",
                new BatchSettings(8, Duration.ZERO), recorder, BatchObserver.NONE)) {
            List<Integer> items = IntStream.range(0, 20).boxed().toList();
            assertThat(batcher.submit(items)).isEqualTo(items.stream().map(i -> i * 10).toList());
        }
        assertThat(recorder.batches).extracting(List::size).containsExactly(8, 8, 4);
    }

    @Test
    void outOfMemoryIsRetriedInHalvesThenOnTheCpu() {
        Recorder recorder = new Recorder();
        recorder.outOfMemoryAbove = 2; // batches of 3 and more do not fit
        AtomicInteger oom = new AtomicInteger();
        BatchObserver observer = new BatchObserver() {
            @Override
            public void outOfMemory(int size) {
                oom.incrementAndGet();
            }
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test",
                new BatchSettings(8, Duration.ZERO), recorder, observer)) {
            List<Integer> items = IntStream.range(0, 8).boxed().toList();
            assertThat(batcher.submit(items)).isEqualTo(items.stream().map(i -> i * 10).toList());
            // 8 -> 4 + 4 -> each 4 -> 2 + 2: one failed 8, two failed 4s, four good 2s
            assertThat(recorder.batches).extracting(List::size).containsExactly(8, 4, 2, 2, 4, 2, 2);
            assertThat(oom).hasValue(3);

            recorder.outOfMemoryAbove = 0; // not even one item fits on the device
            assertThat(batcher.submit(List.of(4, 5))).containsExactly(41, 51); // ran on Placement.CPU
            // [4,5] fails, then each item alone fails on the device and runs on the CPU
            assertThat(recorder.placements.subList(recorder.placements.size() - 5, recorder.placements.size()))
                    .containsExactly(Placement.PREFERRED, Placement.PREFERRED, Placement.CPU, Placement.PREFERRED,
                            Placement.CPU);
        }
    }

    @Test
    void otherFailuresFailTheCallersOfThatBatchAndTheBatcherGoesOn() {
        BatchFunction<Integer, Integer> failing = (batch, placement) -> {
            if (batch.contains(13)) {
                throw new IllegalArgumentException("bad item 13");
            }
            return batch;
        };
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test",
                new BatchSettings(4, Duration.ZERO), failing, BatchObserver.NONE)) {
            assertThatThrownBy(() -> batcher.submit(List.of(1, 13))).isInstanceOf(InferenceFailedException.class)
                    .hasMessageContaining("bad item 13").hasCauseInstanceOf(IllegalArgumentException.class);
            assertThat(batcher.submit(List.of(1, 2))).containsExactly(1, 2);
        }
    }

    @Test
    void aFunctionReturningTheWrongCountIsAFailureNotAMixUp() {
        try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("test",
                new BatchSettings(4, Duration.ZERO), (batch, placement) -> Collections.nCopies(1, 0),
                BatchObserver.NONE)) {
            assertThatThrownBy(() -> batcher.submit(List.of(1, 2))).isInstanceOf(InferenceFailedException.class)
                    .hasMessageContaining("returned 1 outputs for 2 items");
        }
    }
}
