package dev.sonority.model.vector.qdrant;

import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One collection per model, cosine distance, its dimension taken from the first vector written. A collection
 * whose dimension no longer matches (a model changed its output size) is refused with a message naming the
 * reindex job, which recreates it.
 */
public final class QdrantCollections {

    private final QdrantGateway qdrant;
    /** Dimensions of collections known to exist, so a write does not ask Qdrant each time. */
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    public QdrantCollections(QdrantGateway qdrant) {
        this.qdrant = qdrant;
    }

    /** The vector size of {@code model}'s collection, or empty when it does not exist. */
    public Optional<Integer> dimension(String model) {
        String name = qdrant.collection(model);
        // asking first keeps the usual "no collection yet" out of the client's error log
        if (!qdrant.call("check collection " + name, c -> c.collectionExistsAsync(name, qdrant.timeout()))) {
            known.remove(model);
            return Optional.empty();
        }
        try {
            CollectionInfo info = qdrant.call("get collection " + name,
                    c -> c.getCollectionInfoAsync(name, qdrant.timeout()));
            int dim = (int) info.getConfig().getParams().getVectorsConfig().getParams().getSize();
            known.put(model, dim);
            return Optional.of(dim);
        } catch (VectorStoreUnavailableException e) {
            if (QdrantGateway.isNotFound(e)) {
                known.remove(model);
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates {@code model}'s collection for {@code dim}-dimensional vectors unless it exists with that size. */
    public void ensure(String model, int dim) {
        Integer cached = known.get(model);
        if (cached != null && cached == dim) {
            return;
        }
        Optional<Integer> existing = dimension(model);
        if (existing.isEmpty()) {
            try {
                create(model, dim);
                return;
            } catch (VectorStoreUnavailableException e) {
                existing = dimension(model); // another writer created it first
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        if (existing.get() != dim) {
            throw new IllegalStateException("Qdrant collection " + qdrant.collection(model) + " holds " + existing.get()
                    + "-dimensional vectors, but " + model + " now writes " + dim + " dimensions: run"
                    + " POST /api/v1/batch/reindex/run to rebuild it");
        }
    }

    /** Drops {@code model}'s collection (if any) and creates it empty for {@code dim} dimensions. */
    public void recreate(String model, int dim) {
        drop(model);
        create(model, dim);
    }

    public void drop(String model) {
        String name = qdrant.collection(model);
        known.remove(model);
        try {
            qdrant.call("delete collection " + name, c -> c.deleteCollectionAsync(name, qdrant.timeout()));
        } catch (VectorStoreUnavailableException e) {
            if (!QdrantGateway.isNotFound(e)) {
                throw e;
            }
        }
    }

    /** Forgets what is known about {@code model}'s collection (it was deleted behind our back). */
    void forget(String model) {
        known.remove(model);
    }

    private void create(String model, int dim) {
        String name = qdrant.collection(model);
        VectorParams params = VectorParams.newBuilder().setSize(dim).setDistance(Distance.Cosine).build();
        qdrant.call("create collection " + name, c -> c.createCollectionAsync(name, params, qdrant.timeout()));
        known.put(model, dim);
    }
}
