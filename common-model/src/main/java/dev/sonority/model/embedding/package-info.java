/** Model outputs stored as float32 vectors: search vectors, raw features, tags and moods. */
package dev.sonority.model.embedding;
