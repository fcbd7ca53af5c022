package dev.sonority.api.instant;

import dev.sonority.api.search.LibrarySearch;
import dev.sonority.api.search.SongSummary;
import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The vectors a {@link dev.sonority.api.search.WalkOrder} walks on: those of the first model of the similar-search chain that has
 * vectors of at least half of the playlist (the model similar search would answer with). None (an index
 * loading, a library not analysed yet): an empty map, and the playlist keeps its rank order.
 */
@Component
class WalkVectors {

    private final VectorStore store;
    private final LibrarySearch search;

    WalkVectors(VectorStore store, LibrarySearch search) {
        this.store = store;
        this.search = search;
    }

    Map<Long, float[]> of(List<SongSummary> songs) {
        for (String model : search.similarModels()) {
            try {
                if (!store.ready(model) || store.size(model) == 0) {
                    continue;
                }
                Map<Long, float[]> vectors = new HashMap<>();
                for (SongSummary song : songs) {
                    store.vector(model, song.id()).ifPresent(vector -> vectors.put(song.id(), vector));
                }
                if (vectors.size() * 2 >= songs.size()) {
                    return vectors;
                }
            } catch (VectorStoreUnavailableException e) { // Qdrant down: order by rank rather than fail
                return Map.of();
            }
        }
        return Map.of();
    }
}
