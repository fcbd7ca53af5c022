package dev.sonority.audio.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sonority.audio.decode.DecodeFailure;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags written by the fixture writer (through FFmpeg's muxers) read back from every format and any file name. */
class TagReaderTest {

    private static final FixtureTags TAGS = FixtureTags.of("Für Elise", "Ludwig van Beethoven", "Bagatellen")
            .withGenre("Classical").withTrackNumber(7).withYear(1810);

    private final TagReader reader = new TagReader();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(AudioFormat.class)
    void readsTagsAndHeaderOfEveryFormat(AudioFormat format) throws Exception {
        Path file = write("song." + format.extension(), format);

        TrackTags tags = reader.read(file);

        assertThat(tags.title()).isEqualTo("Für Elise");
        assertThat(tags.artist()).isEqualTo("Ludwig van Beethoven");
        assertThat(tags.album()).isEqualTo("Bagatellen");
        assertThat(tags.genre()).isEqualTo("Classical");
        assertThat(tags.trackNumber()).isEqualTo(7);
        assertThat(tags.year()).isEqualTo(1810);
        assertThat(tags.albumArtist()).isNull();
        assertThat(tags.durationSeconds()).isCloseTo(1.0, within(0.06));
        assertThat(tags.sampleRate()).isEqualTo(format == AudioFormat.OPUS ? 48_000 : 44_100);
        assertThat(tags.channels()).isEqualTo(format == AudioFormat.OGG ? 2 : 1);
        assertThat(tags.bitrate()).isPositive();
        // jaudiotagger 3.0.1 does not know Opus: FFmpeg's container metadata answers instead
        assertThat(tags.source()).isEqualTo(format == AudioFormat.OPUS ? TagSource.FFMPEG : TagSource.JAUDIOTAGGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sigur Rós - Hoppípolla.mp3",
        "with spaces and #hash ?query %20percent.flac",
        "quote's \"double\" & ampersand.m4a",
        "日本語のタイトル.ogg",
        "emoji 🎵 track.mp3",
        "colon: C:not-a-drive.mp3",
        "file:looks-like-a-url.flac",
        "UPPER CASE.MP3"})
    void oddFileNamesWork(String name) throws Exception {
        AudioFormat format = AudioFormat.fromPath(Path.of(name));
        Path file = write(name, format);

        assertThat(reader.read(file).title()).isEqualTo("Für Elise");
    }

    @Test
    void decomposedUnicodeFileNameWorks() throws Exception {
        String nfd = Normalizer.normalize("Café Début.flac", Normalizer.Form.NFD);
        Path file = write(nfd, AudioFormat.FLAC);
        assumeTrue(file.getFileName().toString().equals(nfd), "file system normalises names");

        assertThat(reader.read(file).artist()).isEqualTo("Ludwig van Beethoven");
    }

    @Test
    void fileWithoutExtensionFallsBackToFfmpeg() throws Exception {
        Path file = write("song.mp3", AudioFormat.MP3);
        Path bare = Files.move(file, dir.resolve("no-extension"));

        TrackTags tags = reader.read(bare);

        assertThat(tags.source()).isEqualTo(TagSource.FFMPEG);
        assertThat(tags.title()).isEqualTo("Für Elise");
        assertThat(tags.trackNumber()).isEqualTo(7);
        assertThat(tags.codec()).isEqualTo("mp3");
    }

    @Test
    void untaggedFileReadsWithNullTags() throws Exception {
        Path file = AudioFileWriter.write(dir.resolve("bare.flac"), TestSignals.sine(440, 1, 44_100), 44_100,
                FixtureTags.NONE);

        TrackTags tags = reader.read(file);

        assertThat(tags.title()).isNull();
        assertThat(tags.artist()).isNull();
        assertThat(tags.trackNumber()).isNull();
        assertThat(tags.durationSeconds()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void minuetTagsAreThoseTheReadmeLists() throws Exception {
        String shared = System.getProperty("sonority.shared.dir");
        assumeTrue(shared != null && Files.isRegularFile(Path.of(shared, "audio", "minuet.mp3")));

        TrackTags tags = reader.read(Path.of(shared, "audio", "minuet.mp3"));

        assertThat(tags.title()).contains("Minuet");
        assertThat(tags.artist()).isEqualTo("Aaron Dunn");
        assertThat(tags.album()).isEqualTo("Bach's Minuet");
        assertThat(tags.genre()).isEqualTo("Classical");
        assertThat(tags.durationSeconds()).isCloseTo(50.3, within(0.1));
        assertThat(tags.source()).isEqualTo(TagSource.JAUDIOTAGGER);
    }

    @Test
    void badFilesFailWithTheirReason() {
        assertThat(failure(dir.resolve("missing.mp3"))).isEqualTo(DecodeFailure.NOT_FOUND);
        assertThat(failure(BrokenFiles.empty(dir.resolve("empty.mp3")))).isEqualTo(DecodeFailure.EMPTY);
        assertThat(failure(BrokenFiles.text(dir.resolve("notes.mp3")))).isEqualTo(DecodeFailure.NOT_AUDIO);
        assertThat(failure(BrokenFiles.jpeg(dir.resolve("cover.flac")))).isEqualTo(DecodeFailure.NOT_AUDIO);
    }

    private DecodeFailure failure(Path file) {
        TagReadException e = catchThrowableOfType(TagReadException.class, () -> reader.read(file));
        assertThat(e.getMessage()).contains(file.getFileName().toString());
        return e.reason();
    }

    private Path write(String name, AudioFormat format) {
        return AudioFileWriter.write(dir.resolve(name), format, TestSignals.sine(440, 1.0, 44_100), 44_100, TAGS);
    }
}
