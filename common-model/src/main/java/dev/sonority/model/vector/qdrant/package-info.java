/**
 * The Qdrant side of the vector store port, shared by batch-worker (writes) and api-service (reads): how a
 * model's collection is named and created (cosine, one collection per model), how a song becomes a point
 * (point id = song id, payload with the filterable fields), and one client wrapper that puts a deadline on
 * every call. Needs {@code io.qdrant:client} on the class path (an optional dependency of common-model).
 */
package dev.sonority.model.vector.qdrant;
