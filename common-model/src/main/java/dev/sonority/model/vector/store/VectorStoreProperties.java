package dev.sonority.model.vector.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vector store setting ({@code sonority.vector-store.kind}, env {@code VECTOR_STORE}).
 *
 * @param kind the store both services use; default {@link VectorStoreKind#EMBEDDED}
 */
@ConfigurationProperties("sonority.vector-store")
public record VectorStoreProperties(@DefaultValue("embedded") VectorStoreKind kind) {

    public boolean isQdrant() {
        return kind == VectorStoreKind.QDRANT;
    }
}
