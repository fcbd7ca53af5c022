package dev.sonority.api.instant.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Songs and artists by the names a person or a model gives them, through {@link ReadOnlyLibrary}: a song by its
 * path or title ("Title by Artist" narrows it to that artist), an artist's songs, artists whose name contains a
 * text. Comparisons ignore case; LIKE wildcards in a name are matched literally.
 */
@Component
public class NamedSongs {

    /** Songs of an artist used as the seeds of "like ARTIST" (their centroid). */
    static final int MAX_ARTIST_SEEDS = 25;

    /** A song found by name: its id, its path, and how to name it back ("Blue by Miles"). */
    public record Named(long id, String path, String label) {
    }

    private final ReadOnlyLibrary library;

    public NamedSongs(ReadOnlyLibrary library) {
        this.library = library;
    }

    public Optional<Named> song(String name) {
        int by = name.toLowerCase(java.util.Locale.ROOT).lastIndexOf(" by ");
        if (by > 0) {
            Optional<Named> byArtist = find(name, name.substring(0, by).strip(), name.substring(by + 4).strip());
            if (byArtist.isPresent()) {
                return byArtist;
            }
        }
        return find(name, name, null); // "Songs by Me" may be a title
    }

    private Optional<Named> find(String path, String title, String artist) {
        return library.query("""
                SELECT id, path, title, artist FROM song WHERE missing_since IS NULL
                   AND (path = :path OR (lower(title) = lower(:title)
                        AND (CAST(:artist AS text) IS NULL OR lower(artist) = lower(CAST(:artist AS text)))))
                 ORDER BY path = :path DESC, id LIMIT 1""",
                params("path", path, "title", title, "artist", artist),
                (rs, n) -> new Named(rs.getLong("id"), rs.getString("path"),
                        (rs.getString("title") == null ? rs.getString("path") : rs.getString("title"))
                        + (rs.getString("artist") == null ? "" : " by " + rs.getString("artist"))))
                .stream().findFirst();
    }

    public List<Long> songsBy(String artist, int limit) {
        return library.query("""
                SELECT id FROM song WHERE missing_since IS NULL
                   AND (lower(artist) = lower(:artist) OR lower(album_artist) = lower(:artist))
                 ORDER BY album, track_number, id LIMIT :limit""",
                Map.of("artist", artist, "limit", limit), (rs, n) -> rs.getLong(1));
    }

    /** Artists whose name contains {@code text}, shortest names first (the closest matches). */
    public List<String> artistsLike(String text, int limit) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return library.query("""
                SELECT artist FROM song WHERE missing_since IS NULL AND lower(artist) LIKE :pattern ESCAPE '\\'
                 GROUP BY artist ORDER BY length(artist), artist LIMIT :limit""",
                Map.of("pattern", pattern, "limit", limit), (rs, n) -> rs.getString(1));
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
