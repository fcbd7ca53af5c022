package dev.sonority.model.vector.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A Qdrant client with a deadline on every call and one way of failing: {@link VectorStoreUnavailableException},
 * whose cause is the gRPC status. The channel connects lazily, so a service starts while Qdrant is down and
 * works as soon as it is up.
 */
public final class QdrantGateway implements AutoCloseable {

    /** Waiting a little longer than the gRPC deadline lets the deadline fire first, with its clearer status. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final QdrantClient client;
    private final Duration timeout;
    private final String collectionPrefix;

    private QdrantGateway(QdrantClient client, QdrantSettings settings) {
        this.client = client;
        this.timeout = settings.timeout();
        this.collectionPrefix = settings.collectionPrefix();
    }

    /** A gateway to {@link QdrantSettings#url()}. */
    public static QdrantGateway connect(QdrantSettings settings) {
        QdrantSettings.Endpoint endpoint = settings.endpoint();
        // no compatibility check: it would call Qdrant while the service starts; ready() asks it later
        return build(QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), endpoint.tls(), false), settings);
    }

    /** A gateway over an existing channel (the in-process test server); closing the gateway closes it. */
    public static QdrantGateway over(ManagedChannel channel, QdrantSettings settings) {
        return build(QdrantGrpcClient.newBuilder(channel, true, false), settings);
    }

    private static QdrantGateway build(QdrantGrpcClient.Builder builder, QdrantSettings settings) {
        builder.withTimeout(settings.timeout());
        if (!settings.apiKey().isEmpty()) {
            builder.withApiKey(settings.apiKey());
        }
        return new QdrantGateway(new QdrantClient(builder.build()), settings);
    }

    /** The collection that holds {@code model}'s search vectors. */
    public String collection(String model) {
        return collectionPrefix + model;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs one call and waits for it.
     *
     * @param what names the call in the exception message ("search clap", ...)
     * @throws VectorStoreUnavailableException on any failure, timeout or interruption
     */
    public <T> T call(String what, Function<QdrantClient, ListenableFuture<T>> call) {
        ListenableFuture<T> future = call.apply(client);
        try {
            return future.get(timeout.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Status status = Status.fromThrowable(e.getCause());
            throw new VectorStoreUnavailableException("Qdrant " + what + " failed: " + status.getCode()
                    + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")"), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new VectorStoreUnavailableException("Qdrant " + what + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new VectorStoreUnavailableException("Interrupted while waiting for Qdrant " + what, e);
        }
    }

    /** Whether a failure of {@link #call} means the collection (or point) does not exist. */
    public static boolean isNotFound(VectorStoreUnavailableException e) {
        return e.getCause() != null && Status.fromThrowable(e.getCause()).getCode() == Status.Code.NOT_FOUND;
    }

    /**
     * Asks Qdrant's health check once.
     *
     * @throws VectorStoreUnavailableException naming why Qdrant did not answer
     */
    public void checkHealth() {
        call("health check", c -> c.healthCheckAsync(timeout));
    }

    /** Whether Qdrant answers its health check now. */
    public boolean reachable() {
        try {
            checkHealth();
            return true;
        } catch (VectorStoreUnavailableException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
