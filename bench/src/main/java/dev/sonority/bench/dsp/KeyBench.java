package dev.sonority.bench.dsp;

import dev.sonority.audio.key.KeyEstimate;
import dev.sonority.audio.key.KeyEstimator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of key estimation ({@link KeyEstimator}) on a 4-minute 22 050 Hz track, against a baseline of one STFT power
 * pass over the same samples at the estimator's frame size (4096, hop 2048): the spectrum it cannot do without. The
 * signal is {@link AcousticBench}'s music-like one (an A minor chord, 128 BPM clicks, noise). This replaces the
 * wall-clock bound the unit tests used to assert (under 10 core-seconds a track); the tests keep only the result.
 *
 * <p>JMH: run the {@code @Benchmark} methods with JMH's runner. {@code main} measures the same two things with this
 * thread's CPU time after a warm-up and prints one line: {@code ./sonority bench key [repeats]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class KeyBench {

    static final int SR = 22_050;
    static final double SECONDS = 240;
    static final int FFT_SIZE = 4096;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private float[] track;
    private KeyEstimator estimator;
    private StftPowerPass baseline;

    @Setup
    public void setUp() {
        track = AcousticBench.musicLike(SECONDS);
        estimator = new KeyEstimator();
        baseline = new StftPowerPass(FFT_SIZE, FFT_SIZE / 2);
    }

    @Benchmark
    public KeyEstimate keyEstimate() {
        return estimator.estimate(track, SR);
    }

    @Benchmark
    public double stftPowerPass() {
        return baseline.run(track);
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        KeyBench bench = new KeyBench();
        bench.setUp();
        KeyEstimate check = bench.keyEstimate();
        if (!check.present()) {
            throw new IllegalStateException("no key on the bench signal: " + check);
        }
        double sink = 0;
        for (int i = 0; i < 3; i++) { // warm-up: JIT both paths
            sink += bench.keyEstimate().hpcp()[0] + bench.stftPowerPass();
        }
        double key = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            sink += bench.keyEstimate().hpcp()[0];
            long t1 = THREADS.getCurrentThreadCpuTime();
            sink += bench.stftPowerPass();
            long t2 = THREADS.getCurrentThreadCpuTime();
            key = Math.min(key, (t1 - t0) / 1e6);
            baseline = Math.min(baseline, (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "key estimation: %.0f ms per 4-min track (baseline: one STFT power pass at %d/%d %.0f ms, ratio %.1f)"
                + "  [thread CPU time, best of %d, Java %s, estimate %s, checksum %.3g]%n",
                key, FFT_SIZE, FFT_SIZE / 2, baseline, key / baseline, repeats, Runtime.version(),
                check.key() + " " + check.scale(), sink);
    }
}
