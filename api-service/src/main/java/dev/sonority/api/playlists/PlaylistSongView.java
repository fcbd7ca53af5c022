package dev.sonority.api.playlists;

/**
 * One song of a playlist as the API shows it.
 *
 * @param position 0-based place in the playlist
 * @param filePath the song's id: its path relative to the music root, as MPD names it
 * @param missing the file is gone since the last scan (vacuum will remove the song); M3U and MPD exports leave it out
 */
public record PlaylistSongView(int position, String filePath, String title, String artist, String album,
        Double durationSeconds, boolean missing) {
}
