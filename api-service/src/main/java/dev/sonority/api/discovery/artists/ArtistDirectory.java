package dev.sonority.api.discovery.artists;

import dev.sonority.api.search.NameKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every artist of the library, from the {@code song} table: a song's artist is its album artist when that is
 * set (a compilation's tracks then belong to "Various Artists", as the album does) and its track artist
 * otherwise. Names are matched as {@link NameKey}s, so "Björk", "BJÖRK" and a decomposed "Bjo&#776;rk" are one
 * artist, shown under the spelling most of its songs use. Songs whose file is gone are left out. Rebuilt when the
 * song table changes (its row count or latest {@code updated_at}, compared on every use).
 */
@Component
public class ArtistDirectory {

    /** The artists by key, sorted by key, and what they were read from. */
    private record Snapshot(long songs, OffsetDateTime updated, TreeMap<String, Artist> artists) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    ArtistDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The artist named {@code name} (any case or Unicode form). */
    public Optional<Artist> find(String name) {
        String key = NameKey.of(name);
        return key == null ? Optional.empty() : Optional.ofNullable(current().artists().get(key));
    }

    /** Every artist, sorted by name, or those whose name starts with {@code prefix}. */
    public List<Artist> list(String prefix) {
        TreeMap<String, Artist> artists = current().artists();
        String key = NameKey.of(prefix);
        if (key == null) {
            return List.copyOf(artists.values());
        }
        return List.copyOf(artists.subMap(key, true, key + Character.MAX_VALUE, false).values());
    }

    /** The artist key of every song that has an artist. */
    public Map<Long, String> artistOfSongs() {
        Map<Long, String> bySong = new HashMap<>();
        current().artists().values().forEach(artist -> artist.songs().forEach(id -> bySong.put(id, artist.key())));
        return bySong;
    }

    /** A number that changes whenever the artists may have. */
    public long version() {
        Snapshot current = current();
        return current.songs() * 31 + (current.updated() == null ? 0 : current.updated().toInstant().toEpochMilli());
    }

    private Snapshot current() {
        Object[] version = jdbc.sql("SELECT count(*), max(updated_at) FROM song")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)}).single();
        Snapshot held = snapshot;
        if (held == null || held.songs() != (Long) version[0] || !java.util.Objects.equals(held.updated(), version[1])) {
            held = new Snapshot((Long) version[0], (OffsetDateTime) version[1], read());
            snapshot = held;
        }
        return held;
    }

    private TreeMap<String, Artist> read() {
        Map<String, List<Long>> songs = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        jdbc.sql("SELECT id, artist, album_artist FROM song WHERE missing_since IS NULL ORDER BY path")
                .query(rs -> {
                    String albumArtist = rs.getString("album_artist");
                    String name = albumArtist != null && !albumArtist.isBlank() ? albumArtist : rs.getString("artist");
                    String key = NameKey.of(name);
                    if (key != null) {
                        songs.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("id"));
                        spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(name.strip(), 1, Integer::sum);
                    }
                });
        TreeMap<String, Artist> artists = new TreeMap<>();
        songs.forEach((key, ids) -> artists.put(key, new Artist(key, usual(spellings.get(key)), List.copyOf(ids))));
        return artists;
    }

    /** The most used spelling; among equally used ones, the first in code-point order. */
    private static String usual(Map<String, Integer> spellings) {
        return spellings.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }
}
