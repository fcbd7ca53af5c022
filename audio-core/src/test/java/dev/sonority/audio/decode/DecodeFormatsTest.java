package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format the fixture writer can encode decodes to the written length and the written tone. */
class DecodeFormatsTest {

    private static final int SOURCE_RATE = 44_100;
    private static final double SECONDS = 3.0;
    private static final double TONE_HZ = 440;
    private static final double AMPLITUDE = 0.5;

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(AudioFormat.class)
    void decodesLengthAndToneOfEveryWritableFormat(AudioFormat format) throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("tone." + format.extension()), format,
                TestSignals.sine(TONE_HZ, SECONDS, SOURCE_RATE, AMPLITUDE), SOURCE_RATE, FixtureTags.NONE);

        DecodedAudio audio = decoder.decode(file, DecodeOptions.of(16_000));

        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.startSeconds()).isZero();
        // lossy codecs pad to whole frames (AAC 1024, MP3 1152, Vorbis up to 2048 samples): allow two frames
        double tolerance = format.isLossless() ? 0.002 : 2 * 2048.0 / SOURCE_RATE;
        assertThat(audio.durationSeconds()).isCloseTo(SECONDS, within(tolerance));
        assertThat(audio.source().durationSeconds()).isCloseTo(SECONDS, within(tolerance));
        assertThat(ToneMeasure.zeroCrossingFrequency(audio.samples(), 16_000)).isCloseTo(TONE_HZ, within(0.5));
        assertThat(ToneMeasure.amplitudeAt(audio.samples(), 16_000, TONE_HZ)).isCloseTo(AMPLITUDE, within(0.03));
        assertThat(ToneMeasure.amplitudeAt(audio.samples(), 16_000, 2 * TONE_HZ)).isLessThan(0.005);
        // no glitches: lossless sources come back as clean as 16-bit quantisation allows (-60 dB is generous),
        // lossy ones within their codec's noise at 128 kbit/s (-30 dB)
        assertThat(ToneMeasure.residualRatio(audio.samples(), 16_000, TONE_HZ))
                .isLessThan(format.isLossless() ? 1e-6 : 1e-3);
    }

    @ParameterizedTest
    @EnumSource(AudioFormat.class)
    void probeNamesContainerCodecAndStreamParameters(AudioFormat format) throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("probe." + format.extension()), format,
                TestSignals.sine(TONE_HZ, 1.0, SOURCE_RATE), SOURCE_RATE, FixtureTags.NONE);

        SourceInfo info = decoder.probe(file);

        String[] expected = switch (format) { // container, codec, rate, channels as FFmpeg names them
            case MP3 -> new String[] {"mp3", "mp3", "44100", "1"};
            case FLAC -> new String[] {"flac", "flac", "44100", "1"};
            case OGG -> new String[] {"ogg", "vorbis", "44100", "2"};
            case OPUS -> new String[] {"ogg", "opus", "48000", "1"};
            case M4A -> new String[] {"m4a", "aac", "44100", "1"};
            case WAV -> new String[] {"wav", "pcm_s16le", "44100", "1"};
            case WAV_24 -> new String[] {"wav", "pcm_s24le", "44100", "1"};
            case AIFF -> new String[] {"aiff", "pcm_s16be", "44100", "1"};
        };
        assertThat(info.format()).isEqualTo(expected[0]);
        assertThat(info.codec()).isEqualTo(expected[1]);
        assertThat(info.sampleRate()).isEqualTo(Integer.parseInt(expected[2]));
        assertThat(info.channels()).isEqualTo(Integer.parseInt(expected[3]));
        assertThat(info.durationSeconds()).isCloseTo(1.0, within(0.1));
        assertThat(info.bitrate()).isPositive();
    }
}
