package dev.sonority.model.vector.store;

/**
 * Which vector store the similarity search uses ({@code VECTOR_STORE}): read once, as this enum, by every service.
 * Spring binds it without regard to case ({@code Qdrant}, {@code QDRANT} and {@code qdrant} are the same); a value
 * that is neither fails the start with the choices. Compared as strings it once meant Qdrant to the API's
 * case-insensitive condition and "not Qdrant" to the worker's {@code equals}, so Qdrant never received vectors.
 */
public enum VectorStoreKind {
    /** An HNSW index inside api-service, loaded from PostgreSQL. */
    EMBEDDED,
    /** Qdrant: batch-worker writes the vectors, api-service searches there. */
    QDRANT
}
