package dev.sonority.worker.cluster;

import dev.sonority.clustering.Library;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The library of the search this worker is working on, loaded once per (task, model) and shared by the task's
 * parent and its batches on this worker. One library at a time: 100,000 × 200 doubles is 160 MB, so the previous
 * one is let go before the next is loaded, which keeps a worker inside its 1 GB heap.
 */
@Component
class ClusterLibraries {

    private record Key(UUID taskId, String model) {
    }

    private final LibraryLoader loader;
    private @Nullable Key key;
    private @Nullable Library library;

    ClusterLibraries(LibraryLoader loader) {
        this.loader = loader;
    }

    synchronized Library get(UUID taskId, String model) {
        Key wanted = new Key(taskId, model);
        if (!wanted.equals(key) || library == null) {
            key = null;
            library = null; // let the old one go before the new one is read
            library = loader.load(model);
            key = wanted;
        }
        return library;
    }
}
