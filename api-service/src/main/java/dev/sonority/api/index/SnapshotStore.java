package dev.sonority.api.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where index snapshots live: {@code {INDEX_SNAPSHOT_DIR}/{model}/{generation}/}, one Lucene index per
 * generation. A rebuild writes the next generation while the current one keeps serving, then the old one is
 * deleted; at start the newest generation with a valid commit wins. Without a directory configured every
 * index lives in memory and is built from PostgreSQL at each start.
 */
class SnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    /** A directory and the path it is stored under (null in memory). */
    record Location(Directory directory, Path path) {
    }

    private final Path root;

    /** @param root the snapshot directory, or null to keep indexes in memory only */
    SnapshotStore(Path root) {
        this.root = root;
    }

    boolean persistent() {
        return root != null;
    }

    /** The models that have a snapshot directory. */
    List<String> models() {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> models = Files.list(root)) {
            return models.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshot directory " + root, e);
        }
    }

    /** The newest generation of {@code model}, if there is one. */
    Optional<Location> latest(String model) {
        return generations(model).reversed().stream().findFirst().map(this::location);
    }

    /** A new, empty generation after the newest one. */
    Location next(String model) {
        if (root == null) {
            return new Location(new ByteBuffersDirectory(), null);
        }
        List<Path> existing = generations(model);
        long generation = existing.isEmpty() ? 1 : Long.parseLong(existing.getLast().getFileName().toString()) + 1;
        Path path = root.resolve(model).resolve(Long.toString(generation));
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot directory " + path, e);
        }
        return location(path);
    }

    /** Deletes every generation of {@code model} except {@code keep}. */
    void deleteOthers(String model, Location keep) {
        for (Path generation : generations(model)) {
            if (!generation.equals(keep.path())) {
                delete(generation);
            }
        }
    }

    private List<Path> generations(String model) {
        if (root == null || !Files.isDirectory(root.resolve(model))) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(root.resolve(model))) {
            return paths.filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
                    .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + root.resolve(model), e);
        }
    }

    private Location location(Path path) {
        try {
            return new Location(FSDirectory.open(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the snapshot " + path, e);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not delete the old snapshot {}: {}", tree, e.getMessage());
        }
    }
}
