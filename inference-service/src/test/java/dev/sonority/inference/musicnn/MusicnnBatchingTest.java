package dev.sonority.inference.musicnn;

import static dev.sonority.inference.testing.InferenceTestSupport.batching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent MusiCNN requests are joined into batches larger than any one request, and every caller gets
 * what it gets alone with batching off (batch size 1).
 */
class MusicnnBatchingTest {

    private static final int CALLERS = 4;

    @Test
    void concurrentRequestsAreBatchedAndGiveTheUnbatchedResults() throws Exception {
        List<float[]> signals = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            signals.add(MusicnnGoldenTest.tonesAndNoise(16000 * 10, 100 + c)); // 3 patches each
        }

        List<AudioEmbedding> alone = new ArrayList<>();
        SimpleMeterRegistry unbatchedMeters = new SimpleMeterRegistry();
        try (ModelRegistry unbatched = registry(batching(1, 0), unbatchedMeters)) {
            for (float[] signal : signals) {
                alone.add(embed(unbatched, signal));
            }
        }
        assertThat(batchSizes(unbatchedMeters).max()).isEqualTo(1);

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<AudioEmbedding> together = new ArrayList<>();
        try (ModelRegistry batched = registry(batching(32, 2000), meters)) {
            embed(batched, signals.getFirst()); // load before the callers start together
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AudioEmbedding>> futures = new ArrayList<>();
            for (float[] signal : signals) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return embed(batched, signal);
                }));
            }
            start.countDown();
            for (Future<AudioEmbedding> future : futures) {
                together.add(future.get());
            }
            pool.shutdown();
        }
        // one request holds 3 patches; a batch of more than 3 holds patches of several callers
        assertThat(batchSizes(meters).max()).as("largest batch").isGreaterThan(3);
        for (int c = 0; c < CALLERS; c++) {
            float[] expected = alone.get(c).embedding();
            float[] actual = together.get(c).embedding();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("caller %d embedding[%d]", c, i).isCloseTo(expected[i], within(1e-5f));
            }
            float[] tags = together.get(c).tags();
            float[] tagsAlone = alone.get(c).tags();
            for (int i = 0; i < tags.length; i++) {
                assertThat(tags[i]).isCloseTo(tagsAlone[i], within(1e-6f));
            }
        }
    }

    private static ModelRegistry registry(BatchSettings settings,
            SimpleMeterRegistry meters) {
        return InferenceTestSupport.registry(InferenceTestSupport.sharedModels(), List.of(new MusicnnDefinition()),
                settings, meters);
    }

    private static AudioEmbedding embed(ModelRegistry registry, float[] signal) {
        try (ModelLease lease = registry.acquire("musicnn")) {
            return lease.model().audio().orElseThrow().embed(new AudioInput(signal, 16000, WindowSelection.all()));
        }
    }

    private static DistributionSummary batchSizes(SimpleMeterRegistry meters) {
        return meters.get("sonority.inference.batch.size").tag("model", "musicnn").summary();
    }
}
