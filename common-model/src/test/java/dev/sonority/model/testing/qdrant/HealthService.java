package dev.sonority.model.testing.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/** {@code qdrant.Qdrant/HealthCheck}. */
final class HealthService extends QdrantGrpc.QdrantImplBase {

    HealthService(QdrantState state) {
    }

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
        Replies.reply(observer, () -> HealthCheckReply.newBuilder().setTitle("qdrant - vector search engine (in-process)")
                .setVersion("1.18.2").build());
    }
}
