package dev.sonority.api.index;

import dev.sonority.model.vector.Vectors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link LuceneModelIndex} per model equal to the {@code embedding} table: opens the snapshot or
 * builds from PostgreSQL at start, catches up incrementally, rebuilds on demand. Writes to one model are
 * serialised by a lock per model; searches read whichever index is current and never wait.
 *
 * <p>A catch-up reads the rows written since the newest one it has seen (minus {@code slack}, for
 * transactions that committed late) and compares song ids with PostgreSQL, so deletes (cascaded from a
 * vacuumed song, which leave no row behind) and rows that an event never announced are found as well.
 */
public class EmbeddedIndexes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIndexes.class);

    /** A served index and where it is stored. */
    private record Entry(LuceneModelIndex index, SnapshotStore.Location location, Instant watermark) {
    }

    private final EmbeddingRows rows;
    private final SnapshotStore snapshots;
    private final HnswSettings settings;
    private final Duration slack;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    EmbeddedIndexes(EmbeddingRows rows, SnapshotStore snapshots, HnswSettings settings, Duration slack) {
        this.rows = rows;
        this.snapshots = snapshots;
        this.settings = settings;
        this.slack = slack;
    }

    /** Opens or builds the index of every model with vectors (or a snapshot); the indexes are ready after. */
    public void start() {
        Set<String> models = new LinkedHashSet<>(rows.models());
        models.addAll(snapshots.models());
        loading.addAll(models);
        started = true;
        for (String model : models) {
            try {
                refresh(model);
            } catch (RuntimeException e) {
                log.error("Could not load the {} index; it stays unavailable until a refresh succeeds", model, e);
            }
        }
    }

    /** Whether {@code model} can be searched: the start is done and its first load finished. */
    public boolean ready(String model) {
        return started && !loading.contains(model);
    }

    public boolean started() {
        return started;
    }

    Optional<LuceneModelIndex> index(String model) {
        return Optional.ofNullable(entries.get(model)).map(Entry::index);
    }

    /** The models with vectors in PostgreSQL or an index here (a model whose vectors all went is refreshed away). */
    Set<String> knownModels() {
        Set<String> models = new LinkedHashSet<>(rows.models());
        models.addAll(entries.keySet());
        return models;
    }

    /**
     * Brings {@code model} up to date with PostgreSQL: opens its snapshot if there is none in memory, then
     * catches up, or builds from scratch when there is no usable snapshot or the dimension changed.
     */
    public void refresh(String model) {
        withLock(model, () -> {
            Entry entry = entries.get(model);
            if (entry == null) {
                entry = openSnapshot(model).orElse(null);
            }
            if (entry == null || !catchUp(model, entry)) {
                build(model);
            }
            loading.remove(model);
        });
    }

    /** Builds {@code model} anew from PostgreSQL; the current index answers until the new one replaces it. */
    public void rebuild(String model) {
        withLock(model, () -> build(model));
    }

    private Optional<Entry> openSnapshot(String model) {
        return snapshots.latest(model).flatMap(location -> {
            Optional<SnapshotState> state = LuceneModelIndex.committedState(model, location.directory());
            return state.flatMap(s -> LuceneModelIndex.openSnapshot(model, location.directory(), settings)
                    .map(index -> {
                        log.info("Opened the {} snapshot {} ({} songs)", model, location.path(), s.count());
                        Entry entry = new Entry(index, location, s.maxUpdatedAt());
                        entries.put(model, entry);
                        return entry;
                    }));
        });
    }

    /** Applies what changed since the entry's watermark; false when a full build is needed instead. */
    private boolean catchUp(String model, Entry entry) {
        LuceneModelIndex index = entry.index();
        EmbeddingRows.State pg = rows.state(model);
        Set<Long> touched = new HashSet<>();
        Instant[] newest = {entry.watermark()};
        boolean[] dimensionChanged = {false};
        Instant from = entry.watermark() == null ? null : entry.watermark().minus(slack);
        rows.stream(model, from, row -> {
            if (row.vector().length != index.dim()) {
                dimensionChanged[0] = true;
            } else if (add(index, row)) {
                touched.add(row.songId());
                newest[0] = later(newest[0], row.updatedAt());
            }
        });
        if (dimensionChanged[0]) {
            log.info("Vectors of {} changed dimension (was {}); rebuilding", model, index.dim());
            return false;
        }
        Set<Long> inDatabase = new HashSet<>(rows.songIds(model));
        Set<Long> deleted = new HashSet<>();
        Set<Long> missing = new HashSet<>(inDatabase);
        for (long id : index.songIds()) {
            missing.remove(id);
            if (!inDatabase.contains(id)) {
                deleted.add(id);
            }
        }
        missing.removeAll(touched);
        index.delete(deleted);
        rows.streamSongs(model, missing, row -> {
            if (row.vector().length == index.dim() && add(index, row)) {
                newest[0] = later(newest[0], row.updatedAt());
            }
        });
        index.publish(new SnapshotState(model, index.dim(), pg.count(), later(newest[0], pg.maxUpdatedAt())));
        entries.put(model, new Entry(index, entry.location(), later(newest[0], pg.maxUpdatedAt())));
        if (!touched.isEmpty() || !deleted.isEmpty() || !missing.isEmpty()) {
            log.info("Index {}: {} updated, {} added, {} deleted; {} songs", model, touched.size(), missing.size(),
                    deleted.size(), index.size());
        }
        return true;
    }

    private void build(String model) {
        long started = System.nanoTime();
        SnapshotStore.Location location = snapshots.next(model);
        LuceneModelIndex[] built = {null};
        Instant[] newest = {null};
        long[] skipped = {0};
        rows.stream(model, null, row -> {
            if (built[0] == null) {
                built[0] = LuceneModelIndex.create(model, row.vector().length, location.directory(), settings);
            }
            if (row.vector().length == built[0].dim() && add(built[0], row)) {
                newest[0] = later(newest[0], row.updatedAt());
            } else {
                skipped[0]++;
            }
        });
        if (built[0] == null) {
            retire(entries.remove(model));
            closeQuietly(location.directory());
            snapshots.deleteOthers(model, new SnapshotStore.Location(null, null));
            return;
        }
        LuceneModelIndex index = built[0];
        index.compact();
        index.publish(new SnapshotState(model, index.dim(), index.size() + skipped[0], newest[0]));
        Entry previous = entries.put(model, new Entry(index, location, newest[0]));
        retire(previous);
        snapshots.deleteOthers(model, location);
        log.info("Built the {} index: {} songs of {} dimensions in {} ms{}", model, index.size(), index.dim(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                skipped[0] == 0 ? "" : " (" + skipped[0] + " vectors skipped: other dimension, zero or not finite)");
    }

    /**
     * Adds one row as a unit vector; a zero or non-finite vector cannot be compared by cosine and is left
     * out (the worker never writes one, this is a guard).
     */
    private static boolean add(LuceneModelIndex index, EmbeddingRows.Row row) {
        float[] vector = row.vector();
        if (!Vectors.allFinite(vector) || Vectors.norm(vector) == 0) {
            return false;
        }
        index.upsert(row.songId(), Vectors.normalizeInPlace(vector));
        return true;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private void withLock(String model, Runnable action) {
        ReentrantLock lock = locks.computeIfAbsent(model, m -> new ReentrantLock());
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes a replaced index. Searches that acquired it keep their reader (Lucene reference-counts readers),
     * so closing right away is safe.
     */
    private static void retire(Entry entry) {
        if (entry != null) {
            closeQuietly(entry.index());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not close {}: {}", closeable, e.getMessage());
        }
    }

    @Override
    public void close() {
        entries.values().forEach(EmbeddedIndexes::retire);
        entries.clear();
    }
}
