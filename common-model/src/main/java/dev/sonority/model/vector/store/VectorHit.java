package dev.sonority.model.vector.store;

/** One search result: a song id and its cosine similarity to the query (1 = identical direction). */
public record VectorHit(long songId, float score) {
}
