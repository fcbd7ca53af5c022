package dev.sonority.model.embedding;

import java.io.Serializable;

/** Primary key of {@link Embedding}. */
public record EmbeddingId(Long songId, String model, String kind) implements Serializable {
}
