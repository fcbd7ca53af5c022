package dev.sonority.api.instant.tools;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The library's own genre and artist names, which the rules match prompts against and the model is told, read
 * with {@link ReadOnlyLibrary} and kept for {@link #MAX_AGE}. A genre tag holding several genres ("Rock; Pop",
 * "Jazz/Funk") counts as each of them.
 */
@Component
public class LibraryVocabulary {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** Names in lower case (as prompts are matched) to how many songs carry them. */
    public record Names(Map<String, Integer> genres, Map<String, Integer> artists) {

        /** The most common genres, most common first, as a model is told them. */
        public List<String> topGenres(int count) {
            return genres.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(count).map(Map.Entry::getKey).toList();
        }
    }

    private final ReadOnlyLibrary library;
    private volatile Names names;
    private volatile long readAt;

    public LibraryVocabulary(ReadOnlyLibrary library) {
        this.library = library;
    }

    public Names names() {
        Names held = names;
        if (held == null || System.nanoTime() - readAt > MAX_AGE.toNanos()) {
            held = read();
            names = held;
            readAt = System.nanoTime();
        }
        return held;
    }

    /** Forgets what was read, so the next prompt sees the library as it is now (tests, after a scan). */
    public void forget() {
        names = null;
    }

    private Names read() {
        Map<String, Integer> genres = new HashMap<>();
        for (Object[] row : library.query("SELECT genre, count(*) FROM song WHERE missing_since IS NULL"
                + " AND genre IS NOT NULL GROUP BY genre", Map.of(), (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})) {
            for (String genre : ((String) row[0]).split("[;,/|]")) {
                String name = genre.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    genres.merge(name, (Integer) row[1], Integer::sum);
                }
            }
        }
        Map<String, Integer> artists = new HashMap<>();
        library.query("SELECT lower(name), count(*) FROM (SELECT artist AS name FROM song WHERE missing_since IS NULL"
                        + " UNION ALL SELECT album_artist FROM song WHERE missing_since IS NULL"
                        + " AND album_artist IS DISTINCT FROM artist) n WHERE name IS NOT NULL GROUP BY lower(name)",
                Map.of(), (rs, n) -> artists.put(rs.getString(1).strip(), rs.getInt(2)));
        return new Names(Map.copyOf(genres), Map.copyOf(artists));
    }
}
