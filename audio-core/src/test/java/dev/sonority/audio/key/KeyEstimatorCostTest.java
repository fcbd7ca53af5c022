package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.key.ChordSynth.Timbre;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Measures the cost of one 4-minute track at 22 050 Hz (thread CPU time, best of 3) and prints it. */
class KeyEstimatorCostTest {

    private static final int SR = 22_050;

    @Test
    void fourMinuteTrackCost() {
        float[] block = ChordSynth.progression(ChordSynth.MINOR_I_VI_IV_V, 9, Timbre.SAWTOOTH, 2, SR, 440, 5);
        float[] track = new float[240 * SR];
        for (int i = 0; i < track.length; i += block.length) {
            System.arraycopy(block, 0, track, i, Math.min(block.length, track.length - i));
        }
        KeyEstimator estimator = new KeyEstimator();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        KeyEstimate e = null;
        for (int run = 0; run < 3; run++) {
            long start = threads.getCurrentThreadCpuTime();
            e = estimator.estimate(track, SR);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        System.out.printf(Locale.ROOT, "Key estimation of a 4-minute track at 22050 Hz: %.3f core-seconds (best of 3), %s%n",
                best / 1e9, e);
        assertThat(e.key()).isEqualTo("A");
        assertThat(e.scale()).isEqualTo(Scale.MINOR);
        assertThat(best / 1e9).isLessThan(10.0);
    }
}
