package dev.sonority.model.testing.qdrant;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code qdrant.Points}: Upsert, Delete (by ids or filter), Get, Query (nearest to a dense vector, exact,
 * with filter, offset, limit and score threshold), Count and Scroll, with Qdrant's defaults (limit 10,
 * no payload or vectors in query results unless asked). Scores are Qdrant's: cosine = dot product of the
 * normalised vectors, best first.
 */
final class PointsService extends PointsGrpc.PointsImplBase {

    private final QdrantState state;
    private final AtomicLong operations = new AtomicLong();

    PointsService(QdrantState state) {
        this.state = state;
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(observer, () -> {
            state.require(request.getCollectionName());
            List<QdrantState.StoredPoint> points = new ArrayList<>();
            for (PointStruct p : request.getPointsList()) {
                if (!p.getVectors().hasVector()) {
                    throw Status.INVALID_ARGUMENT.withDescription("in-process Qdrant: one unnamed vector per point")
                            .asRuntimeException();
                }
                points.add(new QdrantState.StoredPoint(Filters.num(p.getId()), dense(p.getVectors().getVector()),
                        p.getPayloadMap()));
            }
            synchronized (state) { // all or nothing, like one Qdrant operation
                int dim = state.require(request.getCollectionName()).dim();
                for (QdrantState.StoredPoint point : points) {
                    if (point.vector().length != dim) {
                        throw Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error:"
                                + " expected dim: " + dim + ", got " + point.vector().length).asRuntimeException();
                    }
                }
                points.forEach(point -> state.put(request.getCollectionName(), point));
            }
            return done();
        });
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
        Replies.reply(observer, () -> {
            String name = request.getCollectionName();
            List<Long> ids = switch (request.getPoints().getPointsSelectorOneOfCase()) {
                case POINTS -> request.getPoints().getPoints().getIdsList().stream().map(Filters::num).toList();
                case FILTER -> state.snapshot(name).stream()
                        .filter(p -> Filters.accepts(request.getPoints().getFilter(), p))
                        .map(QdrantState.StoredPoint::id).toList();
                default -> throw Status.INVALID_ARGUMENT.withDescription("no points selector").asRuntimeException();
            };
            state.remove(name, ids);
            return done();
        });
    }

    @Override
    public void get(GetPoints request, StreamObserver<GetResponse> observer) {
        Replies.reply(observer, () -> {
            state.require(request.getCollectionName());
            GetResponse.Builder response = GetResponse.newBuilder();
            for (PointId id : request.getIdsList()) {
                state.point(request.getCollectionName(), Filters.num(id)).ifPresent(p -> response.addResult(
                        retrieved(p, request.getWithPayload(), request.getWithVectors())));
            }
            return response.build();
        });
    }

    @Override
    public void query(QueryPoints request, StreamObserver<QueryResponse> observer) {
        Replies.reply(observer, () -> {
            QdrantState.StoredCollection collection = state.require(request.getCollectionName());
            if (request.getPrefetchCount() > 0 || !request.hasQuery() || !request.getQuery().hasNearest()
                    || request.getQuery().getNearest().getVariantCase() != VectorInput.VariantCase.DENSE) {
                throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: only nearest to a dense vector")
                        .asRuntimeException();
            }
            float[] query = toArray(request.getQuery().getNearest().getDense().getDataList());
            if (query.length != collection.dim()) {
                throw Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error: expected dim: "
                        + collection.dim() + ", got " + query.length).asRuntimeException();
            }
            float[] q = QdrantState.normalised(query);
            Filter filter = request.getFilter();
            long limit = request.hasLimit() ? request.getLimit() : 10;
            record Scored(QdrantState.StoredPoint point, float score) {
            }
            List<Scored> scored = state.snapshot(request.getCollectionName()).stream()
                    .filter(p -> Filters.accepts(filter, p)).map(p -> new Scored(p, dot(q, p.vector())))
                    .filter(s -> !request.hasScoreThreshold() || s.score() >= request.getScoreThreshold())
                    .sorted(Comparator.comparingDouble(Scored::score).reversed()
                            .thenComparingLong(s -> s.point().id()))
                    .skip(request.getOffset()).limit(limit).toList();
            QueryResponse.Builder response = QueryResponse.newBuilder();
            for (Scored s : scored) {
                RetrievedPoint r = retrieved(s.point(), request.getWithPayload(), request.getWithVectors());
                ScoredPoint.Builder point = ScoredPoint.newBuilder().setId(r.getId()).putAllPayload(r.getPayloadMap())
                        .setScore(s.score());
                if (r.hasVectors()) {
                    point.setVectors(r.getVectors());
                }
                response.addResult(point);
            }
            return response.build();
        });
    }

    @Override
    public void count(CountPoints request, StreamObserver<CountResponse> observer) {
        Replies.reply(observer, () -> CountResponse.newBuilder().setResult(CountResult.newBuilder().setCount(
                state.snapshot(request.getCollectionName()).stream()
                        .filter(p -> Filters.accepts(request.getFilter(), p)).count())).build());
    }

    @Override
    public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
        Replies.reply(observer, () -> {
            long from = request.hasOffset() ? Filters.num(request.getOffset()) : Long.MIN_VALUE;
            int limit = request.hasLimit() ? request.getLimit() : 10;
            List<QdrantState.StoredPoint> page = state.snapshot(request.getCollectionName()).stream()
                    .filter(p -> p.id() >= from && Filters.accepts(request.getFilter(), p)).limit(limit + 1L).toList();
            ScrollResponse.Builder response = ScrollResponse.newBuilder();
            page.stream().limit(limit).forEach(p -> response.addResult(
                    retrieved(p, request.getWithPayload(), request.getWithVectors())));
            if (page.size() > limit) {
                response.setNextPageOffset(PointId.newBuilder().setNum(page.get(limit).id()));
            }
            return response.build();
        });
    }

    private PointsOperationResponse done() {
        return PointsOperationResponse.newBuilder().setResult(UpdateResult.newBuilder()
                .setOperationId(operations.incrementAndGet()).setStatus(UpdateStatus.Completed)).build();
    }

    private static RetrievedPoint retrieved(QdrantState.StoredPoint p, WithPayloadSelector payload,
            WithVectorsSelector vectors) {
        RetrievedPoint.Builder r = RetrievedPoint.newBuilder().setId(PointId.newBuilder().setNum(p.id()));
        switch (payload.getSelectorOptionsCase()) {
            case ENABLE -> {
                if (payload.getEnable()) {
                    r.putAllPayload(p.payload());
                }
            }
            case INCLUDE -> payload.getInclude().getFieldsList().forEach(key -> {
                if (p.payload().containsKey(key)) {
                    r.putPayload(key, p.payload().get(key));
                }
            });
            case SELECTOROPTIONS_NOT_SET -> { }
            default -> throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: payload selector "
                    + payload.getSelectorOptionsCase()).asRuntimeException();
        }
        if (vectors.getSelectorOptionsCase() == WithVectorsSelector.SelectorOptionsCase.ENABLE && vectors.getEnable()) {
            List<Float> data = new ArrayList<>(p.vector().length);
            for (float x : p.vector()) {
                data.add(x);
            }
            r.setVectors(VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder()
                    .setDense(DenseVector.newBuilder().addAllData(data))));
        }
        return r.build();
    }

    /** A point's dense vector, written the current way ({@code dense}) or the deprecated one ({@code data}). */
    @SuppressWarnings("deprecation")
    private static float[] dense(Vector v) {
        if (v.hasDense()) {
            return toArray(v.getDense().getDataList());
        }
        if (v.getDataCount() > 0 && !v.hasIndices()) {
            return toArray(v.getDataList());
        }
        throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: only dense vectors").asRuntimeException();
    }

    private static float[] toArray(List<Float> data) {
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i);
        }
        return v;
    }

    private static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return (float) sum;
    }
}
