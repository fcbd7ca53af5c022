package dev.sonority.model.vector.store;

/** The store cannot answer now (an index still loading, Qdrant unreachable); the API answers 503. */
public class VectorStoreUnavailableException extends RuntimeException {

    public VectorStoreUnavailableException(String message) {
        super(message);
    }

    public VectorStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
