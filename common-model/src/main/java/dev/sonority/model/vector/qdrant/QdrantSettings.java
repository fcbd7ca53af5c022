package dev.sonority.model.vector.qdrant;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Qdrant is and how long a call may take ({@code sonority.vector-store.qdrant.*}).
 *
 * @param url gRPC endpoint, {@code http://host:6334} (plain) or {@code https://host:6334} (TLS); the port
 *     defaults to 6334, Qdrant's gRPC port (6333 is its REST port, which this client does not speak)
 * @param apiKey sent as {@code api-key} on every call; empty for none
 * @param timeout deadline of every single call
 * @param collectionPrefix a model's collection is this prefix followed by the model name
 */
@ConfigurationProperties("sonority.vector-store.qdrant")
public record QdrantSettings(@DefaultValue(QdrantSettings.DEFAULT_URL) String url, @DefaultValue("") String apiKey,
        @DefaultValue("5s") Duration timeout, @DefaultValue("sonority_") String collectionPrefix) {

    public static final int DEFAULT_GRPC_PORT = 6334;
    static final String DEFAULT_URL = "http://localhost:" + DEFAULT_GRPC_PORT;

    public QdrantSettings {
        url = url.isBlank() ? DEFAULT_URL : url.strip(); // QDRANT_URL= (blank) means the default too
        apiKey = apiKey.strip();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("QDRANT_TIMEOUT must be positive, not " + timeout);
        }
        endpoint(url); // fail at startup on a malformed URL, not on the first call
    }

    /** Host, port and TLS of {@link #url()}. */
    public Endpoint endpoint() {
        return endpoint(url);
    }

    public record Endpoint(String host, int port, boolean tls) {
    }

    private static Endpoint endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("QDRANT_URL is not a URL: '" + url + "'", e);
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("QDRANT_URL must start with http:// or https://, not '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("QDRANT_URL has no host: '" + url + "'");
        }
        return new Endpoint(uri.getHost(), uri.getPort() < 0 ? DEFAULT_GRPC_PORT : uri.getPort(),
                scheme.equals("https"));
    }
}
