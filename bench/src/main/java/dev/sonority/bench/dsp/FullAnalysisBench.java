package dev.sonority.bench.dsp;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.fixture.AlbumSynth;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.key.KeyEstimator;
import dev.sonority.audio.loudness.DynamicComplexity;
import dev.sonority.audio.loudness.LoudnessMeter;
import dev.sonority.audio.rhythm.Danceability;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the worker does per song for {@code acoustic_features}: FFmpeg decode of a 4-minute FLAC (a generated
 * album track, 44.1 kHz) to 22 050 Hz mono, the extractor (the 55 and the extended descriptors), key, loudness,
 * danceability, dynamic complexity and the raw vector. Prints core-seconds per track on one thread (thread CPU
 * time, best of N) and the throughput of 2 threads against 1 thread measured in the same run (wall clock). Then
 * the memory check: a 60-minute FLAC analysed by 2 threads at once as the worker does (a centred 10-minute window,
 * {@code ANALYZE_MAX_DURATION}'s default), printing the peak heap occupancy; run it under {@code -Xmx512m}
 * (the goal) to prove it fits. {@code ./sonority bench acoustic-full [repeats]}.
 */
public final class FullAnalysisBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SR = AcousticFeatureExtractor.SAMPLE_RATE;

    private FullAnalysisBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("sonority-bench-full-");
        Path file = AudioFileWriter.write(dir.resolve("track.flac"), AlbumSynth.track(AlbumSynth.album(3), 0, 240, 44_100),
                44_100, FixtureTags.of("Bench", "Bench", "Bench"));
        for (int i = 0; i < 2; i++) {
            analyse(file); // warm-up
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            analyse(file);
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / 1e9);
        }
        int tracks = 2 * repeats;
        double one = throughput(file, 1, tracks);
        double two = throughput(file, 2, tracks);
        System.out.printf(Locale.ROOT, "acoustic_features per 4-min track, decode + every descriptor + the 55: %.2f core-s"
                + " (goal <= 1.0, %.0fx realtime per core)%n  throughput: 1 thread %.2f tracks/s, 2 threads %.2f tracks/s"
                + " (x%.2f, goal >= 1.8)  [%d cores, Java %s]%n", best, 240 / best, one, two, two / one,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path hour = dir.resolve("hour.flac");
        float[] minute = AlbumSynth.track(AlbumSynth.album(5), 1, 60, 44_100);
        try (AudioFileWriter writer = AudioFileWriter.open(hour, dev.sonority.audio.fixture.AudioFormat.FLAC, 44_100, 1,
                FixtureTags.of("Hour", "Bench", "Bench"))) {
            for (int m = 0; m < 60; m++) {
                writer.writeInterleaved(minute, minute.length);
            }
        }
        minute = null;
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> analyse(hour, DecodeOptions.window(SR, java.time.Duration.ofMinutes(10))));
        Future<?> b = pool.submit(() -> analyse(hour, DecodeOptions.window(SR, java.time.Duration.ofMinutes(10))));
        a.get();
        b.get();
        pool.shutdown();
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == java.lang.management.MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "  60-minute file, 2 threads, 10-minute window: done under a %d MB heap limit,"
                + " peak heap occupancy %d MB (goal <= 512 MB)%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        Files.deleteIfExists(hour);
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    private static double throughput(Path file, int threads, int tracks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            Future<?>[] done = new Future<?>[tracks];
            for (int i = 0; i < tracks; i++) {
                done[i] = pool.submit(() -> {
                    analyse(file);
                    return null;
                });
            }
            for (Future<?> f : done) {
                f.get();
            }
            return tracks / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static final ThreadLocal<AcousticFeatureExtractor> EXTRACTOR = ThreadLocal.withInitial(AcousticFeatureExtractor::new);
    private static final ThreadLocal<KeyEstimator> KEY = ThreadLocal.withInitial(KeyEstimator::new);
    private static final ThreadLocal<LoudnessMeter> LOUDNESS = ThreadLocal.withInitial(() -> new LoudnessMeter(SR));

    private static double analyse(Path file) throws Exception {
        return analyse(file, DecodeOptions.of(SR));
    }

    private static double analyse(Path file, DecodeOptions options) throws Exception {
        DecodedAudio audio = AudioDecoder.ffmpeg().decode(file, options);
        float[] pcm = audio.samples();
        AcousticFeatures f = EXTRACTOR.get().extract(pcm);
        float[] raw = AcousticVector.raw(f);
        if (raw == null) {
            throw new IllegalStateException("no raw vector: " + f.unavailable());
        }
        return raw[1] + KEY.get().estimate(pcm, SR).strength() + LOUDNESS.get().measure(pcm).integratedLufs()
                + Danceability.of(pcm, SR).orElse(0) + DynamicComplexity.of(pcm, SR).orElse(0);
    }
}
