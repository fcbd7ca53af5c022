package dev.sonority.api.index;

import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code embedded} adapter of the vector store port: reads the in-process indexes. */
public class EmbeddedVectorStore implements VectorStore {

    private final EmbeddedIndexes indexes;

    public EmbeddedVectorStore(EmbeddedIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public boolean ready(String model) {
        return indexes.ready(model);
    }

    @Override
    public long size(String model) {
        return indexes.index(model).map(LuceneModelIndex::size).orElse(0);
    }

    @Override
    public Optional<float[]> vector(String model, long songId) {
        requireReady(model);
        return indexes.index(model).flatMap(index -> index.vector(songId));
    }

    @Override
    public Map<Long, float[]> vectors(String model, Collection<Long> songIds) {
        requireReady(model);
        return indexes.index(model).map(index -> index.vectors(songIds)).orElse(Map.of());
    }

    @Override
    public List<VectorHit> nearest(String model, float[] query, int k, VectorFilter filter) {
        requireReady(model);
        return indexes.index(model).map(index -> {
            if (query.length != index.dim()) {
                throw new IllegalArgumentException("query has " + query.length + " dimensions, the " + model
                        + " index " + index.dim());
            }
            return index.nearest(query, k, filter);
        }).orElse(List.of());
    }

    private void requireReady(String model) {
        if (!indexes.ready(model)) {
            throw new VectorStoreUnavailableException("The " + model + " index is still loading");
        }
    }
}
