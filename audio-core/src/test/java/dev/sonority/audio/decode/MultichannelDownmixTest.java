package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 5.1 sources fold down to mono as ITU-R BS.775 does, without losing a channel and without clipping. */
class MultichannelDownmixTest {

    private static final int RATE = 48_000;
    /** FL, FR, FC, LFE, BL, BR: one distinct tone per channel. */
    private static final double[] TONES = {500, 700, 900, 60, 1300, 1700};

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    @TempDir
    Path dir;

    @Test
    void everyMainChannelReachesTheMonoMixInItsBs775Proportion() throws Exception {
        float[][] channels = new float[6][];
        for (int c = 0; c < 6; c++) {
            channels[c] = TestSignals.sine(TONES[c], 2.0, RATE, 0.5);
        }
        Path file = AudioFileWriter.writeInterleaved(dir.resolve("surround.flac"), AudioFormat.FLAC,
                TestSignals.interleave(channels), RATE, 6, FixtureTags.NONE);
        assertThat(decoder.probe(file).channels()).isEqualTo(6);

        float[] mono = decoder.decode(file, DecodeOptions.of(RATE)).samples();

        // BS.775 fold-down weights FL, FR 1/sqrt2 (into centre), FC 1, LFE 0, BL/BR 1/2; swresample
        // normalises them to sum 1: 0.707 + 0.707 + 1 + 0.5 + 0.5 = 3.414
        double norm = 2 * Math.sqrt(0.5) + 1 + 0.5 + 0.5;
        double[] expectedGain = {Math.sqrt(0.5) / norm, Math.sqrt(0.5) / norm, 1 / norm, 0, 0.5 / norm, 0.5 / norm};
        for (int c = 0; c < 6; c++) {
            assertThat(ToneMeasure.amplitudeAt(mono, RATE, TONES[c]))
                    .as("channel %d (%s Hz)", c, TONES[c])
                    .isCloseTo(0.5 * expectedGain[c], within(0.003));
        }
    }

    @Test
    void fullScaleContentInAllChannelsDoesNotClip() throws Exception {
        float[] loud = TestSignals.sine(440, 1.0, RATE, 0.99);
        Path file = AudioFileWriter.writeInterleaved(dir.resolve("loud.wav"), AudioFormat.WAV,
                TestSignals.interleave(loud, loud, loud, loud, loud, loud), RATE, 6, FixtureTags.NONE);

        float[] mono = decoder.decode(file, DecodeOptions.of(16_000)).samples();

        assertThat(ToneMeasure.peak(mono)).isLessThanOrEqualTo(1.0);
        assertThat(ToneMeasure.amplitudeAt(mono, 16_000, 440)).isCloseTo(0.99, within(0.01));
    }

    @Test
    void stereoBecomesTheAverageOfItsChannels() throws Exception {
        float[] left = TestSignals.sine(600, 1.0, RATE, 0.8);
        float[] right = TestSignals.silence(1.0, RATE);
        Path file = AudioFileWriter.writeInterleaved(dir.resolve("left.flac"), AudioFormat.FLAC,
                TestSignals.interleave(left, right), RATE, 2, FixtureTags.NONE);

        float[] mono = decoder.decode(file, DecodeOptions.of(RATE)).samples();

        assertThat(ToneMeasure.amplitudeAt(mono, RATE, 600)).isCloseTo(0.4, within(0.003));
    }
}
