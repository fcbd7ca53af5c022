package dev.sonority.model.testing.qdrant;

import dev.sonority.contract.vector.Vectors;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the in-process Qdrant stores: collections of points, each a vector and a payload, by numeric id.
 * Cosine collections keep vectors normalised, as Qdrant does (it returns the normalised vector too).
 * Every access synchronises on this object; tests are small.
 */
public final class QdrantState {

    /** One stored point. */
    public record StoredPoint(long id, float[] vector, Map<String, Value> payload) {
    }

    /** One collection: its vector size and distance, its points in id order. */
    public static final class StoredCollection {
        private final int dim;
        private final Distance distance;
        final TreeMap<Long, StoredPoint> points = new TreeMap<>();

        StoredCollection(int dim, Distance distance) {
            this.dim = dim;
            this.distance = distance;
        }

        public int dim() {
            return dim;
        }

        public Distance distance() {
            return distance;
        }
    }

    private final Map<String, StoredCollection> collections = new TreeMap<>();

    public synchronized List<String> collectionNames() {
        return List.copyOf(collections.keySet());
    }

    public synchronized Optional<StoredCollection> collection(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    /** The stored point, if any. */
    public synchronized Optional<StoredPoint> point(String collection, long id) {
        return collection(collection).map(c -> c.points.get(id));
    }

    public synchronized List<StoredPoint> points(String collection) {
        return collection(collection).map(c -> List.copyOf(c.points.values())).orElse(List.of());
    }

    synchronized StoredCollection require(String name) {
        StoredCollection collection = collections.get(name);
        if (collection == null) {
            throw Status.NOT_FOUND.withDescription("Not found: Collection `" + name + "` doesn't exist!")
                    .asRuntimeException();
        }
        return collection;
    }

    synchronized void create(String name, int dim, Distance distance) {
        if (collections.containsKey(name)) {
            throw Status.ALREADY_EXISTS.withDescription("Wrong input: Collection `" + name + "` already exists!")
                    .asRuntimeException();
        }
        collections.put(name, new StoredCollection(dim, distance));
    }

    synchronized boolean drop(String name) {
        return collections.remove(name) != null;
    }

    synchronized void put(String name, StoredPoint point) {
        StoredCollection collection = require(name);
        if (point.vector().length != collection.dim) {
            throw Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error: expected dim: "
                    + collection.dim + ", got " + point.vector().length).asRuntimeException();
        }
        float[] vector = collection.distance == Distance.Cosine ? normalised(point.vector()) : point.vector();
        collection.points.put(point.id(), new StoredPoint(point.id(), vector, Map.copyOf(point.payload())));
    }

    synchronized List<StoredPoint> snapshot(String name) {
        return new ArrayList<>(require(name).points.values());
    }

    synchronized void remove(String name, List<Long> ids) {
        StoredCollection collection = require(name);
        ids.forEach(collection.points::remove);
    }

    /**
     * Qdrant's cosine preprocessing: a copy scaled to unit length, and a vector without a direction kept as it
     * is (Qdrant's rule; Sonority never sends one, see common-contract's {@link Vectors}).
     */
    static float[] normalised(float[] v) {
        return Vectors.hasDirection(v) ? Vectors.normalizeInPlace(v.clone()) : v.clone();
    }
}
