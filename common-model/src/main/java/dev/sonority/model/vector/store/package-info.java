/**
 * The vector store port: nearest-neighbour search over one model's L2-normalised search vectors. Adapters:
 * the embedded in-memory HNSW index of api-service (default) and Qdrant (written by the worker, read by the
 * API). PostgreSQL stays the source of truth; any store can be rebuilt from the {@code embedding} table.
 */
package dev.sonority.model.vector.store;
