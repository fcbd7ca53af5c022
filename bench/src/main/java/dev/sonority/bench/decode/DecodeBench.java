package dev.sonority.bench.decode;

import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.bench.BenchArgs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decode speed per format: the goal is a decode of a whole file to 16 kHz mono at 300x realtime or more
 * per core, averaged over MP3, FLAC, Ogg/Opus and M4A. Writes {@code --tracks} tracks of {@code --minutes}
 * minutes (stereo, 44.1 kHz, Opus 48 kHz) per format, decodes each {@code --repeats} times on one thread after a
 * warm-up, and prints the realtime factor (audio seconds per second of this thread's CPU time, so other load on
 * the machine does not count; wall-clock figures alongside). Baselines measured in the same run: decoding at the
 * source rate (downmix only, no resampling) and reading the file's bytes.
 *
 * <p>Run: {@code java -cp <bench classpath> dev.sonority.bench.decode.DecodeBench [--minutes 4] [--tracks 2]
 * [--repeats 3]}
 */
public final class DecodeBench {

    private static final AudioFormat[] GOAL_FORMATS = {AudioFormat.MP3, AudioFormat.FLAC, AudioFormat.OPUS, AudioFormat.M4A};
    private static final AudioFormat[] EXTRA_FORMATS = {AudioFormat.OGG, AudioFormat.WAV};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();
    private final int repeats;

    private DecodeBench(int repeats) {
        this.repeats = repeats;
    }

    /** CPU and wall seconds spent on one kind of work, and the audio seconds it covered. */
    private record Cost(double cpuSeconds, double wallSeconds, double audioSeconds) {
        double cpuFactor() {
            return audioSeconds / cpuSeconds;
        }

        double wallFactor() {
            return audioSeconds / wallSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        double minutes = options.decimal("minutes", 4);
        int tracks = options.integer("tracks", 2);
        DecodeBench bench = new DecodeBench(options.integer("repeats", 3));
        Path dir = Files.createTempDirectory("sonority-decode-bench");
        System.out.printf(Locale.ROOT, "DecodeBench: %d track(s) x %.1f min per format, %d repeats, 1 thread, Java %s,"
                + " load average %.1f on %d cores%n", tracks, minutes, bench.repeats, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-6s %14s %14s %14s %12s %12s%n", "format", "16k x RT(cpu)", "16k x RT(wall)",
                "src x RT(cpu)", "16k/src", "read x RT");
        try {
            double sum = 0;
            for (AudioFormat format : GOAL_FORMATS) {
                sum += bench.measure(format, bench.write(dir, format, tracks, minutes));
            }
            System.out.printf(Locale.ROOT, "average over mp3, flac, opus, m4a (goal >= 300x per core): %.0fx realtime%n",
                    sum / GOAL_FORMATS.length);
            for (AudioFormat format : EXTRA_FORMATS) {
                bench.measure(format, bench.write(dir, format, tracks, minutes));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private List<Path> write(Path dir, AudioFormat format, int tracks, double minutes) {
        List<Path> files = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            float[] stereo = MusicLikeSignal.stereo(minutes * 60, 44_100, t);
            Path file = dir.resolve("track" + t + "." + format.extension());
            files.add(AudioFileWriter.writeInterleaved(file, format, stereo, 44_100, 2, FixtureTags.NONE));
        }
        return files;
    }

    /** Prints one line for the format and returns its 16 kHz CPU realtime factor. */
    private double measure(AudioFormat format, List<Path> files) throws AudioDecodeException, IOException {
        decode(files, DecodeOptions.of(16_000)); // warm-up: JIT, native library pages, page cache
        Cost target = decode(files, DecodeOptions.of(16_000));
        Cost source = decode(files, DecodeOptions.sourceRate());
        Cost read = read(files, target.audioSeconds() / repeats);
        System.out.printf(Locale.ROOT, "%-6s %13.0fx %13.0fx %13.0fx %12.2f %11.0fx%n", format.name().toLowerCase(Locale.ROOT),
                target.cpuFactor(), target.wallFactor(), source.cpuFactor(), target.cpuFactor() / source.cpuFactor(),
                read.cpuFactor());
        return target.cpuFactor();
    }

    private Cost decode(List<Path> files, DecodeOptions options) throws AudioDecodeException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        double audio = 0;
        for (int r = 0; r < repeats; r++) {
            for (Path file : files) {
                var decoded = decoder.decode(file, options);
                double seconds = decoded.durationSeconds();
                if (Math.abs(seconds - decoded.source().durationSeconds()) > 0.1) { // check the result
                    throw new IllegalStateException(file + " decoded to " + seconds + " s, expected "
                            + decoded.source().durationSeconds());
                }
                audio += seconds;
            }
        }
        return new Cost((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, audio);
    }

    /** Reading every byte of the files: the floor under any decode. */
    private Cost read(List<Path> files, double audioSecondsPerPass) throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long bytes = 0;
        for (int r = 0; r < repeats; r++) {
            for (Path file : files) {
                bytes += Files.readAllBytes(file).length;
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("read nothing");
        }
        return new Cost((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9,
                audioSecondsPerPass * repeats);
    }
}
