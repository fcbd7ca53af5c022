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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resampling keeps pitch, length and level, and removes what lies above the new Nyquist frequency. */
class ResamplingTest {

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {16_000, 22_050, 24_000, 44_100, 48_000})
    void keepsFrequencyLengthAndLevelAtEveryTargetRate(int targetRate) throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("1k.flac"), TestSignals.sine(1000, 2.0, 44_100, 0.5),
                44_100, FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.of(targetRate));

        assertThat(audio.sampleRate()).isEqualTo(targetRate);
        assertThat(audio.samples().length).isCloseTo(2 * targetRate, within(2));
        assertThat(ToneMeasure.zeroCrossingFrequency(audio.samples(), targetRate)).isCloseTo(1000, within(0.2));
        assertThat(ToneMeasure.amplitudeAt(audio.samples(), targetRate, 1000)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void sourceRateKeepsTheFileRate() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("src.flac"), TestSignals.sine(1000, 1.0, 32_000), 32_000,
                FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.sourceRate());

        assertThat(audio.sampleRate()).isEqualTo(32_000);
        assertThat(audio.samples()).hasSize(32_000);
    }

    @Test
    void filtersToneAboveTheTargetNyquistInsteadOfAliasingIt() throws Exception {
        // 9 kHz at 48 kHz would fold to 16 - 9 = 7 kHz at 16 kHz without an anti-alias filter
        float[] pass = TestSignals.sine(1000, 2.0, 48_000, 0.4);
        float[] stop = TestSignals.sine(9000, 2.0, 48_000, 0.4);
        for (int i = 0; i < pass.length; i++) {
            pass[i] += stop[i];
        }
        Path file = AudioFileWriter.write(dir.resolve("alias.flac"), pass, 48_000, FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.of(16_000));

        assertThat(ToneMeasure.amplitudeAt(audio.samples(), 16_000, 1000)).isCloseTo(0.4, within(0.005));
        assertThat(ToneMeasure.amplitudeAt(audio.samples(), 16_000, 7000)).isLessThan(0.4 * 1e-3); // -60 dB
    }

    @Test
    void decodesHiRes96kHz24BitSources() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("hires.wav"), AudioFormat.WAV_24,
                TestSignals.sine(440, 2.0, 96_000, 0.5), 96_000, FixtureTags.NONE);

        assertThat(decoder.probe(file).sampleRate()).isEqualTo(96_000);
        assertThat(decoder.probe(file).codec()).isEqualTo("pcm_s24le");
        for (int rate : new int[] {16_000, 48_000}) {
            DecodedAudio audio = decoder.decode(file, DecodeOptions.of(rate));
            assertThat(audio.samples().length).isCloseTo(2 * rate, within(2));
            assertThat(ToneMeasure.zeroCrossingFrequency(audio.samples(), rate)).isCloseTo(440, within(0.2));
            assertThat(ToneMeasure.amplitudeAt(audio.samples(), rate, 440)).isCloseTo(0.5, within(0.005));
        }
        DecodedAudio native96 = decoder.decode(file, DecodeOptions.sourceRate());
        assertThat(native96.sampleRate()).isEqualTo(96_000);
        assertThat(native96.samples()).hasSize(192_000);
    }
}
