package dev.sonority.bench.dsp;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.fixture.TestSignals;
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
 * Cost of the acoustic model on a 4-minute 22 050 Hz track (decoding excluded), against a baseline of one STFT
 * power pass over the same samples (the least any spectral descriptor needs). The signal is music-like (a chord,
 * 128 BPM clicks and noise), 4 min + 0.37 s so the last frames are partial.
 *
 * <p>JMH: run the {@code @Benchmark} methods with JMH's runner (one fork, {@code -Xmx1g}). {@code main} measures
 * the same two things with this thread's CPU time after a warm-up and prints one line:
 * {@code java -cp <bench classpath> dev.sonority.bench.dsp.AcousticBench [repeats]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AcousticBench {

    static final int SR = AcousticFeatureExtractor.SAMPLE_RATE;
    static final double SECONDS = 240.37;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private float[] track;
    private AcousticFeatureExtractor extractor;
    private StftPowerPass baseline;

    @Setup
    public void setUp() {
        track = musicLike(SECONDS);
        extractor = new AcousticFeatureExtractor();
        baseline = new StftPowerPass(AcousticFeatureExtractor.FFT_SIZE, AcousticFeatureExtractor.HOP);
    }

    @Benchmark
    public AcousticFeatures acousticFeatures() {
        return extractor.extract(track);
    }

    @Benchmark
    public double stftPowerPass() {
        return baseline.run(track);
    }

    /** A chord (A minor), 128 BPM clicks and white noise, peak below 1. */
    static float[] musicLike(double seconds) {
        float[] chord = TestSignals.chord(new double[] {220, 261.63, 329.63}, seconds, SR, 0.4);
        float[] clicks = TestSignals.clickTrack(128, seconds, SR);
        float[] noise = TestSignals.whiteNoise(seconds, SR, 0.05, 42);
        float[] out = new float[chord.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = chord[i] + 0.5f * clicks[i] + noise[i];
        }
        return out;
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        AcousticBench bench = new AcousticBench();
        bench.setUp();
        AcousticFeatures check = bench.acousticFeatures();
        if (check.bpm() == null || Math.abs(check.bpm() - 128) > 128 * 0.02 || !check.hasLainbow55()) {
            throw new IllegalStateException("unexpected result on the bench signal: bpm " + check.bpm() + " " + check.unavailable());
        }
        double sink = 0;
        for (int i = 0; i < 3; i++) { // warm-up: JIT both paths
            sink += bench.acousticFeatures().durationSeconds() + bench.stftPowerPass();
        }
        double features = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            sink += bench.acousticFeatures().durationSeconds();
            long t1 = THREADS.getCurrentThreadCpuTime();
            sink += bench.stftPowerPass();
            long t2 = THREADS.getCurrentThreadCpuTime();
            features = Math.min(features, (t1 - t0) / 1e6);
            baseline = Math.min(baseline, (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "acoustic features: %.0f ms per 4-min track (baseline: one STFT power pass %.0f ms, ratio %.1f)"
                + "  [thread CPU time, best of %d, Java %s, bpm %.1f, checksum %.3g]%n",
                features, baseline, features / baseline, repeats, Runtime.version(), check.bpm(), sink);
    }
}
