package dev.sonority.api.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tags are text on one line: a title holding line breaks cannot add entries to the playlist, and a path that no
 * M3U line can hold is left out rather than split. Expected files are written out by hand.
 */
class ExtendedM3uTest {

    static PlaylistSongView song(String path, String title, String artist, Double seconds, boolean missing) {
        return new PlaylistSongView(0, path, title, artist, null, seconds, missing);
    }

    @Test
    void lineBreaksInTagsBecomeSpacesAndCannotInjectEntries() {
        String m3u = ExtendedM3u.write(List.of(
                song("A/1.flac", "Title\n#EXTINF:1,evil\n../../etc/passwd", "Art\r\nist", 59.5, false)));

        assertThat(m3u).isEqualTo("#EXTM3U\n#EXTINF:60,Art ist - Title #EXTINF:1,evil ../../etc/passwd\nA/1.flac\n");
    }

    @Test
    void gonePathsAndPathsWithLineBreaksAreLeftOut() {
        List<PlaylistSongView> songs = List.of(
                song("A/kept.flac", null, null, null, false),
                song("A/gone.flac", "Gone", "A", 10.0, true),
                song("A/two\nlines.flac", "Odd", "A", 10.0, false),
                song("noextension", "  ", "  ", 0.4, false));

        assertThat(ExtendedM3u.write(songs)).isEqualTo(
                "#EXTM3U\n#EXTINF:-1,kept\nA/kept.flac\n#EXTINF:0,noextension\nnoextension\n");
        assertThat(ExtendedM3u.exportable(songs)).extracting(PlaylistSongView::filePath)
                .containsExactly("A/kept.flac", "noextension");
        assertThat(ExtendedM3u.write(List.of())).isEqualTo("#EXTM3U\n");
    }
}
