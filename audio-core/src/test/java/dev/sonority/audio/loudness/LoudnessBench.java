package dev.sonority.audio.loudness;

import dev.sonority.audio.fixture.TestSignals;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Cost of measuring a 4-minute mono track at 22 050 Hz (noise; the work does not depend on the content): thread
 * CPU time and wall time, best of 20 after 5 warm-up runs. Run from audio-core after the tests compiled:
 * {@code java -cp target/classes:target/test-classes dev.sonority.audio.loudness.LoudnessBench}.
 */
public final class LoudnessBench {

    private LoudnessBench() {}

    public static void main(String[] args) {
        int rate = 22_050;
        float[] track = TestSignals.whiteNoise(240, rate, 0.5, 7);
        LoudnessMeter meter = new LoudnessMeter(rate);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestCpu = Long.MAX_VALUE, bestWall = Long.MAX_VALUE;
        Loudness l = null;
        for (int run = 0; run < 25; run++) {
            long cpu = threads.getCurrentThreadCpuTime(), wall = System.nanoTime();
            l = meter.measure(track);
            if (run >= 5) {
                bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
                bestWall = Math.min(bestWall, System.nanoTime() - wall);
            }
        }
        System.out.printf(Locale.ROOT, "LoudnessMeter, 4-minute track at 22050 Hz: %.2f ms CPU, %.2f ms wall (best of 20),"
                + " %.0fx realtime; integrated %.2f LUFS, LRA %.2f LU%n", bestCpu / 1e6, bestWall / 1e6, 240e9 / bestWall,
                l.integratedLufs(), l.loudnessRangeLu());
    }
}
