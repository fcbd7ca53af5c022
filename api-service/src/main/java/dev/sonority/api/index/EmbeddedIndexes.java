package dev.sonority.api.index;

import dev.sonority.contract.vector.Vectors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>A catch-up compares each song's {@code updated_at} in PostgreSQL with the one its indexed vector came
 * from (kept in the index), then loads the rows that are new or changed and deletes the songs that are gone
 * (a vacuumed song's vectors go by cascade and leave no row behind). No clock or watermark is involved, so a
 * transaction that commits late, or an event that never arrives, cannot make the index miss a change; the
 * cost is one (song id, updated_at) scan per refresh, a few tens of milliseconds at 100,000 songs.
 */
public class EmbeddedIndexes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIndexes.class);

    /** A catch-up that would reload more than this share of an index rebuilds it instead (one clean graph). */
    static final double REBUILD_SHARE = 0.5;

    /** A served index and where it is stored. */
    private record Entry(LuceneModelIndex index, SnapshotStore.Location location) {
    }

    private final EmbeddingRows rows;
    private final SnapshotStore snapshots;
    private final HnswSettings settings;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /** {@code settings.graphThreads()} also write the rows of a full build. */
    EmbeddedIndexes(EmbeddingRows rows, SnapshotStore snapshots, HnswSettings settings) {
        this.rows = rows;
        this.snapshots = snapshots;
        this.settings = settings;
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
     * catches up, or builds from scratch when there is no usable snapshot, the dimension changed, or most of
     * the index changed.
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
                        Entry entry = new Entry(index, location);
                        entries.put(model, entry);
                        return entry;
                    }));
        });
    }

    /** Applies what differs from PostgreSQL; false when a full build is needed instead. */
    private boolean catchUp(String model, Entry entry) {
        LuceneModelIndex index = entry.index();
        Map<Long, Long> inDatabase = rows.versions(model);
        Map<Long, Long> indexed = index.versions();
        List<Long> changed = new ArrayList<>();
        inDatabase.forEach((id, micros) -> {
            if (!micros.equals(indexed.get(id))) {
                changed.add(id);
            }
        });
        List<Long> deleted = indexed.keySet().stream().filter(id -> !inDatabase.containsKey(id)).toList();
        if (changed.size() > REBUILD_SHARE * Math.max(indexed.size(), 1) && changed.size() > settings.exactBelow()) {
            log.info("{} of {} vectors of {} changed; rebuilding", changed.size(), indexed.size(), model);
            return false;
        }
        boolean[] dimensionChanged = {false};
        int[] loaded = {0};
        rows.streamSongs(model, changed, row -> {
            if (row.vector().length != index.dim()) {
                dimensionChanged[0] = true;
            } else if (add(index, row)) {
                loaded[0]++;
            }
        });
        if (dimensionChanged[0]) {
            log.info("Vectors of {} changed dimension (was {}); rebuilding", model, index.dim());
            return false;
        }
        index.delete(deleted);
        if (!changed.isEmpty() || !deleted.isEmpty()) {
            EmbeddingRows.State pg = rows.state(model);
            index.publish(new SnapshotState(model, index.dim(), pg.count(), pg.maxUpdatedAt()));
            log.info("Index {}: {} vectors loaded, {} deleted; {} songs", model, loaded[0], deleted.size(),
                    index.size());
        }
        return true;
    }

    private void build(String model) {
        long started = System.nanoTime();
        SnapshotStore.Location location = snapshots.next(model);
        LuceneModelIndex[] built = {null};
        long[] otherDimension = {0};
        LuceneModelIndex index;
        Instant newest;
        long skipped;
        try (ParallelBuild builders = new ParallelBuild(settings.graphThreads(), row -> add(built[0], row))) {
            rows.stream(model, row -> {
                if (built[0] == null) {
                    built[0] = LuceneModelIndex.create(model, row.vector().length, location.directory(), settings);
                    built[0].deferGraph(); // one graph over every row at publish, not one per builder thread
                }
                if (row.vector().length == built[0].dim()) {
                    builders.accept(row);
                } else {
                    otherDimension[0]++;
                }
            });
            if (built[0] == null) {
                retire(entries.remove(model));
                closeQuietly(location.directory());
                snapshots.deleteOthers(model, new SnapshotStore.Location(null, null));
                return;
            }
            builders.finish();
            index = built[0];
            newest = builders.newest();
            skipped = builders.skipped() + otherDimension[0];
        }
        index.publish(new SnapshotState(model, index.dim(), index.size() + skipped, newest));
        Entry previous = entries.put(model, new Entry(index, location));
        retire(previous);
        snapshots.deleteOthers(model, location);
        log.info("Built the {} index: {} songs of {} dimensions in {} ms on {} threads{}", model, index.size(),
                index.dim(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), settings.graphThreads(),
                skipped == 0 ? "" : " (" + skipped + " vectors skipped: other dimension, zero or not finite)");
    }

    /**
     * Adds one row as a unit vector; a vector without a direction (all zeros, non-finite) cannot be compared by
     * cosine and is left out: the zero-vector rule of common-contract's {@link Vectors} (the worker never writes
     * one, this is a guard).
     */
    private static boolean add(LuceneModelIndex index, EmbeddingRows.Row row) {
        float[] vector = row.vector();
        if (!Vectors.hasDirection(vector)) {
            return false;
        }
        index.upsert(row.songId(), Vectors.normalizeInPlace(vector), EmbeddingRows.micros(row.updatedAt()));
        return true;
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
