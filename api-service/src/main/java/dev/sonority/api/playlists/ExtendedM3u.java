package dev.sonority.api.playlists;

import java.util.List;

/**
 * A playlist as extended M3U: {@code #EXTM3U}, then per song {@code #EXTINF:<seconds>,<artist> - <title>} and its
 * path relative to the music root (MPD resolves such paths against its music directory, and ignores the
 * {@code #} lines). Written as UTF-8 with {@code \n} line ends.
 *
 * <p>Songs whose file is gone are left out, and so are paths with a line break, which no M3U line can hold. Tags
 * are text on one line: their line breaks become spaces. Seconds are rounded; an unknown duration is {@code -1},
 * as the format has it; a song without a title shows its file name, one without an artist the title alone.
 */
final class ExtendedM3u {

    private ExtendedM3u() {
    }

    /** The songs an export writes: present files whose path fits on a line. */
    static List<PlaylistSongView> exportable(List<PlaylistSongView> songs) {
        return songs.stream().filter(s -> !s.missing() && s.filePath().indexOf('\n') < 0
                && s.filePath().indexOf('\r') < 0).toList();
    }

    static String write(List<PlaylistSongView> songs) {
        StringBuilder m3u = new StringBuilder("#EXTM3U\n");
        for (PlaylistSongView song : exportable(songs)) {
            long seconds = song.durationSeconds() == null ? -1 : Math.round(song.durationSeconds());
            m3u.append("#EXTINF:").append(seconds).append(',').append(display(song)).append('\n')
                    .append(song.filePath()).append('\n');
        }
        return m3u.toString();
    }

    private static String display(PlaylistSongView song) {
        String title = oneLine(song.title());
        if (title.isEmpty()) {
            String path = song.filePath();
            String file = path.substring(path.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            title = dot > 0 ? file.substring(0, dot) : file;
        }
        String artist = oneLine(song.artist());
        return artist.isEmpty() ? title : artist + " - " + title;
    }

    private static String oneLine(String tag) {
        return tag == null ? "" : tag.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    }
}
