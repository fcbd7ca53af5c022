package dev.sonority.api.playlists;

import dev.sonority.api.songs.SongPath;
import dev.sonority.api.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Song paths of a request to song ids, in one query for the whole list: each path as given, then its NFC and NFD
 * spellings (paths are stored as found on disk). A path that is not a safe relative song path ({@link SongPath})
 * or that no song has is not a song: 404 naming the first few.
 */
@Repository
class SongLookup {

    private static final int NAMED = 5;

    private final JdbcClient jdbc;

    SongLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> ids(List<String> paths) {
        Map<String, List<String>> spellings = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (String path : paths) {
            List<String> candidates = SongPath.parse(path).map(SongPath::candidates).orElse(List.of());
            spellings.put(path, candidates);
            all.addAll(candidates);
        }
        Map<String, Long> found = new HashMap<>();
        if (!all.isEmpty()) {
            jdbc.sql("SELECT id, path FROM song WHERE path = ANY (:paths)")
                    .param("paths", all.toArray(String[]::new))
                    .query((rs, n) -> found.put(rs.getString("path"), rs.getLong("id"))).list();
        }
        List<Long> ids = new ArrayList<>(paths.size());
        Set<String> unknown = new LinkedHashSet<>();
        for (String path : paths) {
            Optional<Long> id = spellings.get(path).stream().filter(found::containsKey).map(found::get).findFirst();
            id.ifPresentOrElse(ids::add, () -> unknown.add(path));
        }
        if (!unknown.isEmpty()) {
            List<String> named = unknown.stream().limit(NAMED).map(p -> "'" + p + "'").toList();
            throw ApiException.notFound((unknown.size() == 1 ? "Song not found: " : "Songs not found: ")
                    + String.join(", ", named)
                    + (unknown.size() > NAMED ? " and " + (unknown.size() - NAMED) + " more" : ""));
        }
        return ids;
    }
}
