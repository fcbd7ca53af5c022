package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed 60-minute decode fits in a 32 MB heap. Allocation counters cannot prove residency, so the proof is
 * a child JVM whose heap is capped at 32 MB: the streamed decode completes there, while decoding the same file
 * into one array (230 MB of float at 16 kHz) runs out of heap, which shows the cap is real.
 */
class StreamingHeapTest {

    private static final int MINUTES = 60;
    private static final int RATE = 22_050;

    @TempDir
    static Path dir;

    private static Path hour;

    /** Mostly silence (cheap to encode and small on disk) with a one-second tone every minute. */
    @BeforeAll
    static void writeOneHourFile() {
        hour = dir.resolve("hour.flac");
        float[] tone = TestSignals.sine(440, 1, RATE);
        float[] silence = TestSignals.silence(59, RATE);
        try (AudioFileWriter writer = AudioFileWriter.open(hour, AudioFormat.FLAC, RATE, 1, FixtureTags.NONE)) {
            for (int minute = 0; minute < MINUTES; minute++) {
                writer.writeInterleaved(tone, tone.length);
                writer.writeInterleaved(silence, silence.length);
            }
        }
    }

    @Test
    void streamedHourDecodesWithin32MbOfHeapWhileWholeDecodeCannot() throws Exception {
        ProcessResult streamed = runProbe("stream");
        assertThat(streamed.exitCode()).as(streamed.output()).isZero();
        long samples = Long.parseLong(streamed.output().replaceAll("(?s).*samples=(\\d+).*", "$1"));
        assertThat(samples).isCloseTo(MINUTES * 60L * 16_000, within(16L));

        ProcessResult whole = runProbe("whole");
        assertThat(whole.exitCode()).as(whole.output()).isEqualTo(3);
    }

    @Test
    void maxDurationDecodesOnlyTheWindowOfTheHour() throws Exception {
        DecodedAudio audio = AudioDecoder.ffmpeg().decode(hour, DecodeOptions.window(16_000, Duration.ofSeconds(30)));

        assertThat(audio.samples()).hasSize(30 * 16_000);
        assertThat(audio.startSeconds()).isCloseTo((MINUTES * 60 - 30) / 2.0, within(0.01));
    }

    private record ProcessResult(int exitCode, String output) {}

    private static ProcessResult runProbe(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                // JavaCPP refuses native allocations once the process RSS exceeds twice -Xmx by default
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-cp", System.getProperty("java.class.path"),
                StreamingHeapProbe.class.getName(), hour.toString(), mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish: " + output);
        }
        return new ProcessResult(process.exitValue(), output);
    }
}
