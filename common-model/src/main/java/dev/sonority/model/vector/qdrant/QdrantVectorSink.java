package dev.sonority.model.vector.qdrant;

import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorSink;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes songs' search vectors into their model's collection and removes them again. Every write waits until
 * Qdrant has applied it ({@code wait=true}), so "written" means searchable. Idempotent: a point is replaced
 * by id, deleting a missing point or from a missing collection does nothing.
 */
public final class QdrantVectorSink implements VectorSink {

    /** Points per upsert request: 256 × 1024 floats stays far below gRPC's 4 MiB default message limit. */
    public static final int MAX_POINTS_PER_REQUEST = 256;
    private static final int SCROLL_PAGE = 1000;

    private final QdrantGateway qdrant;
    private final QdrantCollections collections;

    public QdrantVectorSink(QdrantGateway qdrant) {
        this.qdrant = qdrant;
        this.collections = new QdrantCollections(qdrant);
    }

    public QdrantCollections collections() {
        return collections;
    }

    @Override
    public void upsert(String model, List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        int dim = points.getFirst().vector().length;
        for (VectorPoint point : points) {
            if (point.vector().length != dim) {
                throw new IllegalArgumentException(model + " vectors of one write differ in size: song "
                        + point.songId() + " has " + point.vector().length + ", song " + points.getFirst().songId()
                        + " has " + dim);
            }
        }
        collections.ensure(model, dim);
        String name = qdrant.collection(model);
        for (int from = 0; from < points.size(); from += MAX_POINTS_PER_REQUEST) {
            List<PointStruct> chunk = points.subList(from, Math.min(points.size(), from + MAX_POINTS_PER_REQUEST))
                    .stream().map(QdrantPoints::point).toList();
            try {
                qdrant.call("upsert into " + name, c -> c.upsertAsync(name, chunk, qdrant.timeout()));
            } catch (VectorStoreUnavailableException e) {
                if (!QdrantGateway.isNotFound(e)) {
                    throw e;
                }
                collections.forget(model); // dropped meanwhile: create it again, once
                collections.ensure(model, dim);
                qdrant.call("upsert into " + name, c -> c.upsertAsync(name, chunk, qdrant.timeout()));
            }
        }
    }

    @Override
    public void delete(String model, Collection<Long> songIds) {
        if (songIds.isEmpty()) {
            return;
        }
        String name = qdrant.collection(model);
        List<PointId> ids = QdrantPoints.pointIds(songIds);
        if (collections.dimension(model).isEmpty()) {
            return; // nothing was ever written for this model
        }
        try {
            qdrant.call("delete from " + name, c -> c.deleteAsync(name, ids, qdrant.timeout()));
        } catch (VectorStoreUnavailableException e) {
            if (!QdrantGateway.isNotFound(e)) {
                throw e;
            }
        }
    }

    /** Every song id with a point in {@code model}'s collection (empty when it does not exist), by scrolling ids. */
    public List<Long> songIds(String model) {
        String name = qdrant.collection(model);
        List<Long> ids = new ArrayList<>();
        if (collections.dimension(model).isEmpty()) {
            return ids;
        }
        PointId offset = null;
        try {
            do {
                ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName(name).setLimit(SCROLL_PAGE)
                        .setWithPayload(WithPayloadSelectorFactory.enable(false))
                        .setWithVectors(WithVectorsSelectorFactory.enable(false));
                if (offset != null) {
                    request.setOffset(offset);
                }
                ScrollResponse page = qdrant.call("scroll " + name,
                        c -> c.scrollAsync(request.build(), qdrant.timeout()));
                for (RetrievedPoint point : page.getResultList()) {
                    ids.add(QdrantPoints.songId(point.getId()));
                }
                offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
            } while (offset != null);
        } catch (VectorStoreUnavailableException e) {
            if (!QdrantGateway.isNotFound(e)) {
                throw e;
            }
        }
        return ids;
    }
}
