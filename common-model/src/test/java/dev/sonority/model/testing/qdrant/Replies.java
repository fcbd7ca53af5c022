package dev.sonority.model.testing.qdrant;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call with the supplier's reply, or with the gRPC status it threw. */
final class Replies {

    private Replies() {
    }

    static <T> void reply(StreamObserver<T> observer, Supplier<T> reply) {
        T value;
        try {
            value = reply.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(value);
        observer.onCompleted();
    }
}
