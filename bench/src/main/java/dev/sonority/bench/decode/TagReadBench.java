package dev.sonority.bench.decode;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.audio.tags.TagReadException;
import dev.sonority.audio.tags.TagReader;
import dev.sonority.audio.tags.TagSource;
import dev.sonority.audio.tags.TrackTags;
import dev.sonority.bench.BenchArgs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tag-reading throughput: the scan goal is 500 new tagged files per second on 2 cores over 20 000 small files.
 * Writes {@code --files} tagged 1-second files (MP3, FLAC, M4A, Ogg Vorbis and Opus in turn; Opus goes through
 * the FFmpeg fallback), reads all of them with 1 thread and with {@code --threads} threads, checks every title,
 * and prints files per second next to a baseline measured in the same run: a stat of each file (what a scan
 * does anyway to compare size and mtime).
 *
 * <p>Run: {@code java -cp <bench classpath> dev.sonority.bench.decode.TagReadBench [--files 2000] [--threads 2]}
 */
public final class TagReadBench {

    private static final AudioFormat[] MIX = {AudioFormat.MP3, AudioFormat.FLAC, AudioFormat.M4A, AudioFormat.OGG, AudioFormat.OPUS};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TagReadBench() {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int count = options.integer("files", 2000);
        int threads = options.integer("threads", 2);
        Path dir = Files.createTempDirectory("sonority-tag-bench");
        try {
            long start = System.nanoTime();
            List<Path> files = write(dir, count);
            System.out.printf(Locale.ROOT, "TagReadBench: wrote %d tagged files in %.1f s; %d cores, load average %.1f%n",
                    count, (System.nanoTime() - start) / 1e9, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            TagReader reader = new TagReader();
            read(reader, files, 1); // warm-up: JIT and page cache
            read(reader, files, 1);
            double stat = rate(() -> stat(files), count);
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            double one = rate(() -> readHere(reader, files), count);
            double perCpuSecond = count / ((THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e9);
            double many = rate(() -> read(reader, files, threads), count);
            System.out.printf(Locale.ROOT, "stat baseline:   %8.0f files/s%n", stat);
            System.out.printf(Locale.ROOT, "tags, 1 thread:  %8.0f files/s wall (%.3f of stat), %.0f files per CPU-second%n",
                    one, one / stat, perCpuSecond);
            System.out.printf(Locale.ROOT, "tags, %d threads: %8.0f files/s wall; on %d idle cores ~%.0f files/s"
                    + " (goal >= 500 on 2 cores)%n", threads, many, threads, threads * perCpuSecond);
        } finally {
            try (var paths = Files.list(dir)) {
                for (Path file : paths.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** One encoded 1-second template per format, copied with each file's own tags (no re-encoding). */
    private static List<Path> write(Path dir, int count) {
        float[] tone = TestSignals.sine(440, 1.0, 22_050);
        Path[] templates = new Path[MIX.length];
        for (int f = 0; f < MIX.length; f++) {
            templates[f] = AudioFileWriter.write(dir.resolve("template." + MIX[f].extension()), MIX[f], tone, 22_050,
                    FixtureTags.NONE);
        }
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AudioFormat format = MIX[i % MIX.length];
            FixtureTags tags = FixtureTags.of("Title " + i, "Artist " + (i % 97), "Album " + (i % 211))
                    .withGenre("Genre " + (i % 13)).withTrackNumber(1 + i % 20).withYear(1960 + i % 60);
            Path file = dir.resolve(String.format(Locale.ROOT, "%05d.%s", i, format.extension()));
            files.add(AudioFileWriter.copyWithTags(templates[i % MIX.length], file, tags));
        }
        return files;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double rate(Work work, int count) throws Exception {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void stat(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.readAttributes(file, BasicFileAttributes.class).size();
        }
        if (bytes == 0) {
            throw new IllegalStateException("no bytes");
        }
    }

    private static void readHere(TagReader reader, List<Path> files) throws TagReadException {
        for (int i = 0; i < files.size(); i++) {
            check(reader, files.get(i), i);
        }
    }

    private static void read(TagReader reader, List<Path> files, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < files.size(); i += threads) {
                        check(reader, files.get(i), i);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    private static void check(TagReader reader, Path file, int index) throws TagReadException {
        TrackTags tags = reader.read(file);
        boolean opus = file.toString().endsWith(".opus");
        if (!("Title " + index).equals(tags.title())
                || tags.source() != (opus ? TagSource.FFMPEG : TagSource.JAUDIOTAGGER)) {
            throw new IllegalStateException(file + " read back as " + tags);
        }
    }
}
