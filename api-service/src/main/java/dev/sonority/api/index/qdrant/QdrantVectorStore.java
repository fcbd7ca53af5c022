package dev.sonority.api.index.qdrant;

import static io.qdrant.client.ConditionFactory.hasId;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantPoints;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Searches the collection of a model in Qdrant: cosine similarity (Qdrant's score), best first, with the
 * filter's allowed songs as a {@code has_id} must condition and its excluded ones as must_not, so Qdrant
 * returns {@code k} results that pass the filter. A model with no collection has no vectors yet: size 0,
 * no results. Every call has the configured deadline; failing calls raise {@link VectorStoreUnavailableException}.
 */
public final class QdrantVectorStore implements VectorStore {

    /** How long a health check answer is reused, so a search does not pay for one each time. */
    static final Duration READY_CACHE = Duration.ofSeconds(1);

    private final QdrantGateway qdrant;
    private volatile long checkedAtNanos;
    private volatile boolean reachable;

    public QdrantVectorStore(QdrantGateway qdrant) {
        this.qdrant = qdrant;
    }

    @Override
    public String kind() {
        return "qdrant";
    }

    /** Qdrant answers (its health check, at most {@link #READY_CACHE} old). */
    @Override
    public boolean ready(String model) {
        long now = System.nanoTime();
        if (checkedAtNanos == 0 || now - checkedAtNanos > READY_CACHE.toNanos()) {
            reachable = qdrant.reachable();
            checkedAtNanos = now;
        }
        return reachable;
    }

    @Override
    public long size(String model) {
        String name = qdrant.collection(model);
        try {
            return qdrant.call("count " + name, c -> c.countAsync(name, null, true, qdrant.timeout()));
        } catch (VectorStoreUnavailableException e) {
            if (QdrantGateway.isNotFound(e)) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * The song's vector as Qdrant keeps it: cosine collections store vectors L2-normalised, which the search
     * vectors already are (a vector stored unnormalised comes back normalised; cosine ranks are the same).
     */
    @Override
    public Optional<float[]> vector(String model, long songId) {
        String name = qdrant.collection(model);
        try {
            List<RetrievedPoint> points = qdrant.call("get point from " + name,
                    c -> c.retrieveAsync(name, List.of(QdrantPoints.pointId(songId)),
                            WithPayloadSelectorFactory.enable(false), WithVectorsSelectorFactory.enable(true), null,
                            qdrant.timeout()));
            return points.stream().findFirst().map(p -> QdrantPoints.vector(p.getVectors()));
        } catch (VectorStoreUnavailableException e) {
            if (QdrantGateway.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<VectorHit> nearest(String model, float[] query, int k, VectorFilter filter) {
        if (k <= 0 || (filter.allowed() != null && filter.allowed().isEmpty())) {
            return List.of();
        }
        String name = qdrant.collection(model);
        QueryPoints.Builder request = QueryPoints.newBuilder().setCollectionName(name).setQuery(QueryFactory.nearest(query))
                .setLimit(k).setWithPayload(WithPayloadSelectorFactory.enable(false))
                .setWithVectors(WithVectorsSelectorFactory.enable(false));
        Filter qdrantFilter = filter(filter);
        if (qdrantFilter != null) {
            request.setFilter(qdrantFilter);
        }
        try {
            List<ScoredPoint> points = qdrant.call("search " + name,
                    c -> c.queryAsync(request.build(), qdrant.timeout()));
            return points.stream().map(p -> new VectorHit(QdrantPoints.songId(p.getId()), p.getScore())).toList();
        } catch (VectorStoreUnavailableException e) {
            if (QdrantGateway.isNotFound(e)) {
                return List.of();
            }
            throw e;
        }
    }

    private static Filter filter(VectorFilter filter) {
        if (filter.allowed() == null && filter.excluded().isEmpty()) {
            return null;
        }
        Filter.Builder builder = Filter.newBuilder();
        if (filter.allowed() != null) {
            builder.addMust(hasId(QdrantPoints.pointIds(filter.allowed())));
        }
        if (!filter.excluded().isEmpty()) {
            builder.addMustNot(hasId(QdrantPoints.pointIds(filter.excluded())));
        }
        return builder.build();
    }
}
