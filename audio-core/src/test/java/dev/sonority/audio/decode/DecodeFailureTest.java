package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of bad file a library holds fails with its own reason and a message naming the file. */
class DecodeFailureTest {

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    @TempDir
    Path dir;

    @Test
    void missingFileIsNotFound() {
        assertFailure(dir.resolve("gone.mp3"), DecodeFailure.NOT_FOUND, "gone.mp3");
    }

    @Test
    void zeroByteFileIsEmpty() {
        assertFailure(BrokenFiles.empty(dir.resolve("empty.flac")), DecodeFailure.EMPTY, "empty");
    }

    @Test
    void textRenamedToMp3IsNotAudio() {
        assertFailure(BrokenFiles.text(dir.resolve("lyrics.mp3")), DecodeFailure.NOT_AUDIO, "not an audio file");
    }

    @Test
    void textRenamedToFlacIsNotAudio() {
        assertFailure(BrokenFiles.text(dir.resolve("lyrics.flac")), DecodeFailure.NOT_AUDIO, "lyrics.flac");
    }

    @Test
    void jpegRenamedToMp3HasNoAudioStream() {
        assertFailure(BrokenFiles.jpeg(dir.resolve("cover.mp3")), DecodeFailure.NOT_AUDIO, "no audio stream");
    }

    @Test
    void unknownCodecIsUnsupported() {
        assertFailure(BrokenFiles.unknownCodecWav(dir.resolve("odd.wav")), DecodeFailure.UNSUPPORTED, "not supported");
    }

    @Test
    void directoryIsUnreadable() throws Exception {
        assertFailure(Files.createDirectory(dir.resolve("album.mp3")), DecodeFailure.UNREADABLE, "not a regular file");
    }

    /** Decision: a cut file fails as a whole rather than being analysed on the part that is left. */
    @ParameterizedTest
    @EnumSource(value = AudioFormat.class)
    void fileCutInHalfIsTruncated(AudioFormat format) {
        Path whole = AudioFileWriter.write(dir.resolve("whole." + format.extension()), format,
                TestSignals.whiteNoise(4.0, 44_100, 0.3, 7), 44_100, FixtureTags.NONE);
        Path cut = BrokenFiles.truncatedCopy(whole, dir.resolve("cut." + format.extension()), 0.5);

        assertFailure(cut, DecodeFailure.TRUNCATED, "cut short");
    }

    @Test
    void truncationIsFoundInsideTheWindowToo() {
        Path whole = AudioFileWriter.write(dir.resolve("long.flac"), TestSignals.whiteNoise(40, 22_050, 0.3, 1),
                22_050, FixtureTags.NONE);
        Path cut = BrokenFiles.truncatedCopy(whole, dir.resolve("cut.flac"), 0.5);

        AudioDecodeException e = catchThrowableOfType(AudioDecodeException.class,
                () -> decoder.decode(cut, DecodeOptions.window(16_000, Duration.ofSeconds(10))));
        assertThat(e.reason()).isEqualTo(DecodeFailure.TRUNCATED);
    }

    @Test
    void tinyTimeoutTimesOut() {
        Path file = AudioFileWriter.write(dir.resolve("minute.flac"), TestSignals.whiteNoise(60, 44_100, 0.3, 3),
                44_100, FixtureTags.NONE);

        AudioDecodeException e = catchThrowableOfType(AudioDecodeException.class,
                () -> decoder.decode(file, DecodeOptions.of(16_000).withTimeout(Duration.ofMillis(5))));

        assertThat(e.reason()).isEqualTo(DecodeFailure.TIMED_OUT);
        assertThat(e.getMessage()).contains("minute.flac").contains("timeout");
    }

    @Test
    void interruptedThreadStopsDecoding() {
        Path file = AudioFileWriter.write(dir.resolve("song.flac"), TestSignals.sine(440, 5, 44_100), 44_100,
                FixtureTags.NONE);
        Thread.currentThread().interrupt();
        try {
            AudioDecodeException e = catchThrowableOfType(AudioDecodeException.class,
                    () -> decoder.decode(file, DecodeOptions.of(16_000)));
            assertThat(e.reason()).isEqualTo(DecodeFailure.TIMED_OUT);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void probeReportsTheSameReasons() {
        AudioDecodeException e = catchThrowableOfType(AudioDecodeException.class,
                () -> decoder.probe(BrokenFiles.jpeg(dir.resolve("art.flac"))));
        assertThat(e.reason()).isEqualTo(DecodeFailure.NOT_AUDIO);
    }

    private void assertFailure(Path file, DecodeFailure reason, String messagePart) {
        AudioDecodeException e = catchThrowableOfType(AudioDecodeException.class,
                () -> decoder.decode(file, DecodeOptions.of(16_000)));
        assertThat(e).as("decoding %s", file.getFileName()).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains(messagePart);
    }
}
