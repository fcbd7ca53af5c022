package dev.sonority.api.songs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SongPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "/..", "..", "/../etc/passwd", "a/../../etc/passwd", "a/..", "./a.flac",
            "a/./b.flac", "//etc/passwd", "/etc/passwd/", "a//b.flac", "a/b/", "a\\b.flac", "..\\..\\win.ini",
            "C:\\music\\a.flac", "a\u0000.flac", "a/b.flac\u0000.jpg", "/ /../x"})
    void rejectsPathsThatCouldLeaveTheRoot(String hostile) {
        assertThat(SongPath.parse(hostile)).as("'%s'", hostile).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(SongPath.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.flac", "Artist/Album/01 Title.flac", "...", "a/.../b.flac", "..a/b..", ".hidden/x.mp3",
            "100% #1? a&b.mp3", "%2e%2e/x.flac", "C:/music.flac"})
    void keepsOrdinaryPathsAsGiven(String path) {
        assertThat(SongPath.parse(path)).get().extracting(SongPath::value).isEqualTo(path);
        assertThat(SongPath.parse("/" + path)).get().extracting(SongPath::value).isEqualTo(path);
    }

    @Test
    void candidatesAreAsGivenThenNfcThenNfd() {
        String nfd = Normalizer.normalize("Björk/Jóga.flac", Normalizer.Form.NFD);
        String nfc = Normalizer.normalize(nfd, Normalizer.Form.NFC);
        assertThat(SongPath.parse(nfd).orElseThrow().candidates()).containsExactly(nfd, nfc);
        assertThat(SongPath.parse(nfc).orElseThrow().candidates()).containsExactly(nfc, nfd);
        assertThat(SongPath.parse("ascii.flac").orElseThrow().candidates()).containsExactly("ascii.flac");
    }

    @Test
    void resolvesUnderTheMusicRootOnly(@org.junit.jupiter.api.io.TempDir Path root) {
        assertThat(SongPath.parse("A/b.flac").orElseThrow().resolveUnder(root)).isEqualTo(root.resolve("A/b.flac"));
        assertThat(SongPath.parse("...").orElseThrow().resolveUnder(root)).isEqualTo(root.resolve("..."));
        assertThat(SongPath.parse("a/../../etc").flatMap(p -> java.util.Optional.of(p.resolveUnder(root)))).isEmpty();
    }
}
