package dev.sonority.model.testing.qdrant;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.CollectionsGrpc;

/** {@code qdrant.Collections}: Create (one unnamed dense vector), Get, CollectionExists, Delete. */
final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {

    private final QdrantState state;

    CollectionsService(QdrantState state) {
        this.state = state;
    }

    @Override
    public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Replies.reply(observer, () -> {
            VectorsConfig config = request.getVectorsConfig();
            if (config.getConfigCase() != VectorsConfig.ConfigCase.PARAMS || config.getParams().getSize() == 0) {
                throw Status.INVALID_ARGUMENT.withDescription("in-process Qdrant: one unnamed vector with a size"
                        + " is required").asRuntimeException();
            }
            state.create(request.getCollectionName(), (int) config.getParams().getSize(),
                    config.getParams().getDistance());
            return CollectionOperationResponse.newBuilder().setResult(true).build();
        });
    }

    @Override
    public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
        Replies.reply(observer, () -> {
            QdrantState.StoredCollection c = state.require(request.getCollectionName());
            VectorParams params = VectorParams.newBuilder().setSize(c.dim()).setDistance(c.distance()).build();
            CollectionInfo info = CollectionInfo.newBuilder().setStatus(CollectionStatus.Green)
                    .setPointsCount(state.points(request.getCollectionName()).size())
                    .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
                            .setVectorsConfig(VectorsConfig.newBuilder().setParams(params)))).build();
            return GetCollectionInfoResponse.newBuilder().setResult(info).build();
        });
    }

    @Override
    public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
        Replies.reply(observer, () -> CollectionExistsResponse.newBuilder().setResult(CollectionExists.newBuilder()
                .setExists(state.collection(request.getCollectionName()).isPresent())).build());
    }

    @Override
    public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Replies.reply(observer, () -> CollectionOperationResponse.newBuilder()
                .setResult(state.drop(request.getCollectionName())).build());
    }
}
