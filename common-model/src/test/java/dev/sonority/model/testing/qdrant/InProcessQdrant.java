package dev.sonority.model.testing.qdrant;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Qdrant's gRPC services (Qdrant health check, Collections, Points) served in-process, and on demand also on
 * a loopback TCP port for code that connects by URL (an application context under test). Outages are
 * simulated with {@link #setDown(boolean)}: every call then fails with UNAVAILABLE, as when Qdrant is stopped.
 *
 * <pre>
 * try (InProcessQdrant qdrant = InProcessQdrant.start(); QdrantGateway gateway = qdrant.gateway()) { ... }
 * </pre>
 */
public final class InProcessQdrant implements AutoCloseable {

    private final String name = "qdrant-" + UUID.randomUUID();
    private final QdrantState state = new QdrantState();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final String apiKey;
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;
    private final Server inProcess;
    private Server tcp;

    private InProcessQdrant(String apiKey) throws IOException {
        this.apiKey = apiKey;
        inProcess = InProcessServerBuilder.forName(name).directExecutor().addService(service(new HealthService(state)))
                .addService(service(new CollectionsService(state))).addService(service(new PointsService(state)))
                .build().start();
    }

    /** A server that accepts every call. */
    public static InProcessQdrant start() {
        return start("");
    }

    /** A server that refuses calls without this {@code api-key} header (UNAUTHENTICATED), as Qdrant does. */
    public static InProcessQdrant start(String apiKey) {
        try {
            return new InProcessQdrant(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of the in-process server (closing the gateway closes its channel). */
    public QdrantGateway gateway() {
        return gateway(Duration.ofSeconds(5));
    }

    public QdrantGateway gateway(Duration timeout) {
        return gateway(new QdrantSettings("http://in-process", apiKey, timeout, "sonority_"));
    }

    /** A client of the in-process server with these settings (their URL is not used). */
    public QdrantGateway gateway(QdrantSettings settings) {
        return QdrantGateway.over(InProcessChannelBuilder.forName(name).directExecutor().build(), settings);
    }

    /** {@code http://127.0.0.1:PORT}: the same services on a loopback port (started on the first call). */
    public synchronized String url() {
        if (tcp == null) {
            try {
                tcp = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                        .addService(service(new HealthService(state))).addService(service(new CollectionsService(state)))
                        .addService(service(new PointsService(state))).build().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + tcp.getPort();
    }

    /**
     * Every call waits this long before it is served (a slow or hung Qdrant). Use it with a client connected by
     * {@link #url()}: the in-process server runs calls on the caller's thread, so a client deadline cannot
     * interrupt the wait there.
     */
    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    /** While down, every call fails with UNAVAILABLE and changes nothing. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** How many calls of this gRPC method (e.g. {@code qdrant.Points/Upsert}) were served. */
    public int calls(String fullMethodName) {
        AtomicInteger count = calls.get(fullMethodName);
        return count == null ? 0 : count.get();
    }

    /** The stored state, for assertions (collections, points, payloads). */
    public QdrantState state() {
        return state;
    }

    public List<String> collections() {
        return state.collectionNames();
    }

    @Override
    public synchronized void close() {
        inProcess.shutdownNow();
        if (tcp != null) {
            tcp.shutdownNow();
        }
    }

    private io.grpc.ServerServiceDefinition service(io.grpc.BindableService service) {
        return ServerInterceptors.intercept(service, new Gate());
    }

    /** Outages, the api key and call counting, in front of every service. */
    private final class Gate implements ServerInterceptor {
        private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                ServerCallHandler<Q, A> next) {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                call.close(Status.UNAVAILABLE.withDescription("Qdrant is down (simulated)"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            if (!apiKey.isEmpty() && !apiKey.equals(headers.get(API_KEY))) {
                call.close(Status.UNAUTHENTICATED.withDescription("Invalid api-key"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            calls.computeIfAbsent(call.getMethodDescriptor().getFullMethodName(), k -> new AtomicInteger())
                    .incrementAndGet();
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) { };
        }
    }
}
