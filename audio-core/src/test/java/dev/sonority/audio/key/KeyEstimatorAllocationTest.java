package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.key.ChordSynth.Timbre;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-frame work allocates nothing: estimating a 60-second track allocates no more than estimating a
 * 10-second one (about 215 more frames), measured with the JVM's per-thread allocation counter.
 */
class KeyEstimatorAllocationTest {

    private static final int SR = 22_050;

    @Test
    void allocationDoesNotGrowWithTheNumberOfFrames() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] block = ChordSynth.progression(ChordSynth.MAJOR_I_IV_V_I, 3, Timbre.ORGAN, 2.5, SR, 440, 21);
        float[] shortTrack = block;                       // 10 s
        float[] longTrack = new float[6 * block.length];  // 60 s
        for (int i = 0; i < 6; i++) {
            System.arraycopy(block, 0, longTrack, i * block.length, block.length);
        }
        KeyEstimator estimator = new KeyEstimator();
        estimator.estimate(shortTrack, SR); // warm up: FFT plan and buffers for this rate
        estimator.estimate(longTrack, SR);
        long shortBytes = Long.MAX_VALUE;
        long longBytes = Long.MAX_VALUE;
        long id = Thread.currentThread().threadId();
        for (int run = 0; run < 5; run++) {
            long before = threads.getThreadAllocatedBytes(id);
            estimator.estimate(shortTrack, SR);
            long middle = threads.getThreadAllocatedBytes(id);
            estimator.estimate(longTrack, SR);
            long after = threads.getThreadAllocatedBytes(id);
            shortBytes = Math.min(shortBytes, middle - before);
            longBytes = Math.min(longBytes, after - middle);
        }
        System.out.printf("Key estimation allocates %d bytes for 10 s and %d bytes for 60 s%n", shortBytes, longBytes);
        assertThat(longBytes).isLessThanOrEqualTo(shortBytes + 256);
        assertThat(shortBytes).isLessThan(16_384);
    }
}
