/**
 * The Qdrant vector store of the API ({@code VECTOR_STORE=qdrant}): searches the collections batch-worker
 * writes. Independent of the embedded index next to it; both implement the same port.
 */
package dev.sonority.api.index.qdrant;
