package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** maxDuration picks the centred window; streaming hands out bounded blocks with the same samples as decode(). */
class WindowAndStreamingTest {

    private static final int RATE = 16_000; // the chirp ends at 600 Hz; a low rate keeps encoding quick
    private static final double SECONDS = 40;

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    @TempDir
    Path dir;

    /** A linear chirp f(t) = 200 + 10 t Hz: the frequency heard at any moment says where in the file it is. */
    private static float[] chirp() {
        float[] x = new float[TestSignals.sampleCount(SECONDS, RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / RATE;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (200 * t + 5 * t * t)));
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(value = AudioFormat.class, names = {"FLAC", "MP3", "M4A", "OGG"})
    void longFileIsDecodedOnTheCentredWindow(AudioFormat format) throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("chirp." + format.extension()), format, chirp(), RATE,
                FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.window(16_000, Duration.ofSeconds(10)));

        assertThat(audio.samples()).hasSize(10 * 16_000);
        assertThat(audio.startSeconds()).isCloseTo(15, within(0.05)); // (40 - 10) / 2
        assertThat(audio.isWindow()).isTrue();
        // first half second is [15 s, 15.5 s): mean frequency 200 + 10 * 15.25 = 352.5 Hz; 1 Hz = 0.1 s.
        // Counting zero crossings over 0.5 s resolves 1 Hz (one crossing), so allow 1.5 Hz: a window off by
        // more than 0.15 s still fails, an uncentred one (seconds off) by far
        double heard = ToneMeasure.zeroCrossingFrequency(audio.samples(), 0, 8000, 16_000);
        assertThat(heard).isCloseTo(352.5, within(1.5));
    }

    /**
     * Where the window really starts, to the sample: the lag at which its first half second correlates best with
     * the generated chirp (whose frequency changes every sample, so only one lag fits). Within 5 ms: an MP3 window
     * once started 75 ms early (its timestamps count from the encoder delay, which a decode from the start trims);
     * Opus reads 3 ms late (its decoder's pre-roll after a seek).
     */
    @ParameterizedTest
    @EnumSource(value = AudioFormat.class, names = {"MP3", "FLAC", "OGG", "OPUS", "M4A", "WAV"})
    void windowStartsOnItsSample(AudioFormat format) throws Exception {
        float[] chirp = chirp();
        Path file = AudioFileWriter.write(dir.resolve("aligned." + format.extension()), format, chirp, RATE,
                FixtureTags.NONE);

        float[] window = decoder.decode(file, DecodeOptions.window(RATE, Duration.ofSeconds(10))).samples();

        int expected = 15 * RATE;
        int best = -1;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int lag = expected - RATE / 4; lag <= expected + RATE / 4; lag++) {
            double correlation = 0;
            for (int i = 0; i < RATE / 2; i++) {
                correlation += window[i] * chirp[lag + i];
            }
            if (correlation > bestCorrelation) {
                bestCorrelation = correlation;
                best = lag;
            }
        }
        assertThat((best - expected) * 1000.0 / RATE).as("window start error in ms").isCloseTo(0, within(5.0));
    }

    @Test
    void shortFileIsDecodedWholeDespiteMaxDuration() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("short.flac"), TestSignals.sine(440, 5, RATE), RATE,
                FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.window(16_000, Duration.ofSeconds(10)));

        assertThat(audio.startSeconds()).isZero();
        assertThat(audio.samples().length).isCloseTo(5 * 16_000, within(2));
        assertThat(audio.isWindow()).isFalse();
    }

    @Test
    void streamingDeliversBoundedBlocksWithTheSameSamplesAsDecode() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("chirp.flac"), chirp(), RATE, FixtureTags.NONE);
        float[] whole = decoder.decode(file, DecodeOptions.of(16_000)).samples();
        List<Integer> blockLengths = new ArrayList<>();
        float[] streamed = new float[whole.length];
        int[] size = {0};

        SourceInfo info = decoder.decodeStreaming(file, DecodeOptions.of(16_000), (block, length) -> {
            blockLengths.add(length);
            System.arraycopy(block, 0, streamed, size[0], length);
            size[0] += length;
            return true;
        });

        assertThat(size[0]).isEqualTo(whole.length);
        assertThat(streamed).containsExactly(whole);
        assertThat(blockLengths).allSatisfy(l -> assertThat(l).isBetween(1, AudioDecoder.STREAM_BLOCK_SAMPLES));
        assertThat(info.durationSeconds()).isCloseTo(SECONDS, within(0.1));
    }

    @Test
    void consumerCanStopTheDecode() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("stop.flac"), chirp(), RATE, FixtureTags.NONE);
        int[] calls = {0};

        decoder.decodeStreaming(file, DecodeOptions.of(16_000), (block, length) -> ++calls[0] < 3);

        assertThat(calls[0]).isEqualTo(3);
    }
}
