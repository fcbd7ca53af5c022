package dev.sonority.api.search;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a song that results show and that result filters compare (artist cap, seed's album, the same
 * song twice).
 */
public record SongSummary(long id, String filePath, String title, String artist, String album, String albumArtist,
        String genre) {

    /** The artist a per-artist cap counts ({@link NameKey}); null when the song has none. */
    public @Nullable String artistKey() {
        return NameKey.of(artist);
    }

    /**
     * The song as a work, artist and title compared as {@link NameKey}s, so one recording in two formats or on a
     * compilation is recognised; null when the title is missing (untitled songs are told apart by path only).
     */
    public @Nullable String signature() {
        String title = NameKey.of(this.title);
        if (title == null) {
            return null;
        }
        String by = NameKey.of(artist);
        return (by == null ? "" : by) + "\u0000" + title;
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
