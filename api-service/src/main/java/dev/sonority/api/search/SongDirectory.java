package dev.sonority.api.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every song's path and result fields in memory, so that answering a similar request takes no SQL round trip
 * (two per request were a third of its cost besides the HNSW search; {@code bench search}). About 400 bytes
 * per song: 40 MB for 100,000 songs.
 *
 * <p>Kept current the way the vector indexes are: every {@code refreshInterval} the {@code updated_at} of every
 * row is compared with the one held, and the rows that differ are read again, so a transaction that commits
 * late is still seen and deleted rows are dropped. A song this directory does not know (added since the last
 * refresh, or before the first load) is answered from PostgreSQL by {@link SongCatalog}; what can be stale for
 * up to one interval is a changed tag or a file the scan has just marked missing.
 *
 * <p>Thread-safe: lookups read concurrent maps while the refresh thread updates them entry by entry.
 */
class SongDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SongDirectory.class);
    private static final int READ_CHUNK = 1_000;

    /** One song as held: its path, what a lookup answers (made once, not per request), the row's version. */
    private record Entry(String path, Lookup.Known lookup, Instant version) {
    }

    /** What the directory says about one song id. */
    sealed interface Lookup {
        /** The song, or its file is gone ({@code summary} null). */
        record Known(@Nullable SongSummary summary) implements Lookup {
        }

        /** Not held: ask PostgreSQL. */
        record Unknown() implements Lookup {
        }
    }

    private static final Lookup UNKNOWN = new Lookup.Unknown();
    private static final Lookup.Known MISSING = new Lookup.Known(null);

    private final JdbcClient jdbc;
    private final Duration refreshInterval;
    private final Map<String, Long> idsByPath = new ConcurrentHashMap<>();
    private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sonority-song-directory").daemon().factory());

    SongDirectory(JdbcClient jdbc, Duration refreshInterval) {
        this.jdbc = jdbc;
        this.refreshInterval = refreshInterval;
    }

    /** Loads the directory and keeps it current, unless the interval is zero (the directory is off). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!refreshInterval.isZero()) {
            executor.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The id of the song stored under {@code path}, or null when this directory does not hold it. */
    @Nullable Long idOf(String path) {
        return idsByPath.get(path);
    }

    Lookup lookup(long id) {
        Entry entry = byId.get(id);
        return entry == null ? UNKNOWN : entry.lookup();
    }

    int size() {
        return byId.size();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) { // PostgreSQL down: lookups fall back to SQL, the next run retries
            log.warn("Refreshing the song directory failed (retrying in {}): {}", refreshInterval, e.getMessage());
        }
    }

    /** Brings the directory up to date with the song table; returns how many songs were read again. */
    synchronized int refresh() { // one at a time: an overlapping older read must not resurrect a forgotten row
        Map<Long, Instant> versions = new HashMap<>(Math.max(16, byId.size() * 2));
        jdbc.sql("SELECT id, updated_at FROM song").query(rs -> {
            versions.put(rs.getLong("id"), version(rs));
        });
        List<Long> changed = new ArrayList<>();
        versions.forEach((id, version) -> {
            Entry held = byId.get(id);
            if (held == null || !held.version().equals(version)) {
                changed.add(id);
            }
        });
        for (Long gone : List.copyOf(byId.keySet())) {
            if (!versions.containsKey(gone)) {
                forget(gone);
            }
        }
        for (int from = 0; from < changed.size(); from += READ_CHUNK) {
            read(changed.subList(from, Math.min(changed.size(), from + READ_CHUNK)));
        }
        return changed.size();
    }

    private void read(List<Long> ids) {
        jdbc.sql("SELECT id, path, title, artist, album, album_artist, genre, missing_since IS NOT NULL AS missing,"
                        + " updated_at FROM song WHERE id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong("id");
                    SongSummary song = new SongSummary(id, rs.getString("path"), rs.getString("title"),
                            rs.getString("artist"), rs.getString("album"), rs.getString("album_artist"),
                            rs.getString("genre"));
                    Lookup.Known lookup = rs.getBoolean("missing") ? MISSING : new Lookup.Known(song);
                    Entry previous = byId.put(id, new Entry(song.filePath(), lookup, version(rs)));
                    if (previous != null && !previous.path().equals(song.filePath())) {
                        idsByPath.remove(previous.path(), id);
                    }
                    idsByPath.put(song.filePath(), id);
                });
    }

    private static Instant version(ResultSet rs) throws SQLException {
        return rs.getObject("updated_at", OffsetDateTime.class).toInstant();
    }

    private void forget(long id) {
        Entry entry = byId.remove(id);
        if (entry != null) {
            idsByPath.remove(entry.path(), id);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
