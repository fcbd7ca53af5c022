/**
 * The embedded vector index (default {@code VectorStore}): one Lucene HNSW index per model, built from the
 * {@code embedding} table, refreshed on {@code IndexChangedEvent}s, persisted as a snapshot directory.
 */
package dev.sonority.api.index;
