package dev.sonority.api.search;

/** The fields of a song that results show and that result filters compare (artist cap, seed's album). */
public record SongSummary(long id, String filePath, String title, String artist, String album, String albumArtist,
        String genre) {

    /** The artist a per-artist cap counts, case-insensitively; null when the song has none. */
    public String artistKey() {
        return artist == null || artist.isBlank() ? null : artist.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The album as a release (album name and its artist), case-insensitively; null when there is no album. */
    public String albumKey() {
        if (album == null || album.isBlank()) {
            return null;
        }
        String by = albumArtist != null && !albumArtist.isBlank() ? albumArtist : artist;
        return (album.strip() + "\u0000" + (by == null ? "" : by.strip())).toLowerCase(java.util.Locale.ROOT);
    }
}
