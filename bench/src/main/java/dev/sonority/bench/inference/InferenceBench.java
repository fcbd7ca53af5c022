package dev.sonority.bench.inference;

import dev.sonority.audio.dsp.Stft;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.bench.BenchArgs;
import dev.sonority.bench.ServiceJars;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * MusiCNN through the real inference-service jar with the real weights ({@code MODELS_DIR}, default
 * {@code ../shared/models}):
 *
 * <ol>
 *   <li>core-seconds per 4-minute track (mel + embedding + 7 heads, HTTP included): the service process's CPU
 *       time ({@code process_cpu_time_seconds_total}) over {@code --tracks} sequential requests, all windows and
 *       {@code windows=8}; goal <= 0.5 core-s. Baseline in the same run: one STFT power pass (n_fft 512, hop 256)
 *       over the same track in this process, the least any mel front end costs.</li>
 *   <li>batching: clips/s of {@code --callers} (8) concurrent callers against one caller, for
 *       {@code --clip-seconds} (30 s, 10 patches) clips and 3.2 s clips (one patch), {@code --rounds} interleaved
 *       rounds; goal >= 1.3x on 2 cores. Mean batch size from the batcher's metrics.</li>
 * </ol>
 *
 * <p>Run: {@code ./sonority bench inference [--tracks 5] [--callers 8] [--clip-seconds 30] [--requests 24] [--rounds 3]
 * [--inference-jar inference-service/target/inference-service-VERSION.jar] [--models-dir ../shared/models]}.
 */
public final class InferenceBench {

    static final int SR = 16_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InferenceBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int tracks = options.integer("tracks", 5);
        int callers = options.integer("callers", 8);
        double clipSeconds = options.decimal("clip-seconds", 30);
        int requests = options.integer("requests", 24);
        int rounds = options.integer("rounds", 3);
        Path jar = ServiceJars.find("inference-service", options.text("inference-jar", null), "--inference-jar");
        Path models = Path.of(options.text("models-dir", "../shared/models")).toAbsolutePath().normalize();

        float[] track = musicLike(240, 42);
        byte[] trackPcm = InferenceService.littleEndian(track);
        double stftCore = stftPassCoreSeconds(track);

        try (InferenceService service = InferenceService.start(jar, models, Map.of())) {
            for (int i = 0; i < 3; i++) {
                service.embed(trackPcm, "sample_rate=16000&models=musicnn"); // JIT and ONNX Runtime warm-up
            }
            double all = coreSecondsPerTrack(service, trackPcm, "sample_rate=16000&models=musicnn", tracks);
            double eight = coreSecondsPerTrack(service, trackPcm, "sample_rate=16000&models=musicnn&windows=8", tracks);
            System.out.printf(Locale.ROOT, "musicnn, 4-minute track (80 patches), all windows: %.3f core-s per track"
                    + " (goal <= 0.5; %.0fx the STFT baseline)%n", all, all / stftCore);
            System.out.printf(Locale.ROOT, "musicnn, 4-minute track, windows=8:            %.3f core-s per track"
                    + " (%.0fx the STFT baseline)%n", eight, eight / stftCore);
            System.out.printf(Locale.ROOT, "baseline: one STFT power pass (512/256) over the track: %.4f core-s%n",
                    stftCore);

            for (double seconds : new double[] {clipSeconds, 3.2}) {
                batching(service, InferenceService.littleEndian(musicLike(seconds, 7)), seconds, callers, requests,
                        rounds);
            }
        }
    }

    /**
     * One caller against {@code callers} concurrent callers, interleaved over {@code rounds} rounds so that load
     * from other processes on a shared machine affects both alike; prints each round and the median ratio, plus
     * the service's CPU seconds per clip of each mode (independent of that load).
     */
    private static void batching(InferenceService service, byte[] clip, double seconds, int callers, int requests,
            int rounds) throws Exception {
        for (int i = 0; i < 2; i++) {
            service.embed(clip, "sample_rate=16000&models=musicnn");
        }
        double[] ratios = new double[rounds];
        double singleCpu = 0;
        double concurrentCpu = 0;
        double batchSum = 0;
        double batchCount = 0;
        int singleRequests = Math.max(4, requests / 3);
        for (int r = 0; r < rounds; r++) {
            double cpu0 = service.cpuSeconds();
            double single = throughput(service, clip, 1, singleRequests);
            double cpu1 = service.cpuSeconds();
            double[] before = service.sumAndCount("sonority_inference_batch_size_items", "graph=\"patches\"");
            double concurrent = throughput(service, clip, callers, requests);
            double[] after = service.sumAndCount("sonority_inference_batch_size_items", "graph=\"patches\"");
            double cpu2 = service.cpuSeconds();
            singleCpu += (cpu1 - cpu0) / singleRequests;
            concurrentCpu += (cpu2 - cpu1) / requests;
            batchSum += after[0] - before[0];
            batchCount += after[1] - before[1];
            ratios[r] = concurrent / single;
            System.out.printf(Locale.ROOT, "  %.1f s clips, round %d: 1 caller %.2f clips/s, %d callers %.2f clips/s,"
                    + " %.2fx%n", seconds, r + 1, single, callers, concurrent, ratios[r]);
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "batching, %.1f s clips (%d patches): %d callers vs 1: median %.2fx clips/s"
                        + " (goal >= 1.3x); service CPU per clip %.3f vs %.3f core-s; mean batch %.1f patches%n",
                seconds, (int) ((seconds * SR - 512) / 256 + 1) / 187, callers, ratios[rounds / 2],
                concurrentCpu / rounds, singleCpu / rounds, batchSum / Math.max(1, batchCount));
    }

    /** Service CPU seconds per request, averaged over {@code count} sequential requests. */
    private static double coreSecondsPerTrack(InferenceService service, byte[] pcm, String query, int count)
            throws IOException, InterruptedException {
        double start = service.cpuSeconds();
        for (int i = 0; i < count; i++) {
            service.embed(pcm, query);
        }
        return (service.cpuSeconds() - start) / count;
    }

    /** Requests per second of {@code callers} threads sending {@code total} requests together. */
    private static double throughput(InferenceService service, byte[] pcm, int callers, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                answers.add(pool.submit(() -> service.embed(pcm, "sample_rate=16000&models=musicnn")));
            }
            for (Future<String> answer : answers) {
                if (!answer.get().contains("\"musicnn\"")) {
                    throw new IllegalStateException("answer without musicnn: " + answer.get());
                }
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static double stftPassCoreSeconds(float[] track) {
        Stft stft = new Stft(512, 256);
        double[] power = new double[stft.binCount()];
        double sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (int t = 0; t < stft.frameCount(track.length); t++) {
                stft.power(track, t, power);
                sink += power[10];
            }
        }
        long start = THREADS.getCurrentThreadCpuTime();
        int repeats = 5;
        for (int r = 0; r < repeats; r++) {
            for (int t = 0, n = stft.frameCount(track.length); t < n; t++) {
                stft.power(track, t, power);
                sink += power[10];
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN power");
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e9 / repeats;
    }

    /** A chord (A minor), 128 BPM clicks and white noise, peak below 1. */
    static float[] musicLike(double seconds, long seed) {
        float[] chord = TestSignals.chord(new double[] {220, 261.63, 329.63}, seconds, SR, 0.4);
        float[] clicks = TestSignals.clickTrack(128, seconds, SR);
        float[] noise = TestSignals.whiteNoise(seconds, SR, 0.05, seed);
        float[] out = new float[chord.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = chord[i] + 0.5f * clicks[i] + noise[i];
        }
        return out;
    }
}
