package dev.sonority.model.embedding;

/** Kinds of float vectors a model stores for a song (the {@code kind} column). */
public final class EmbeddingKind {

    /** The L2-normalised vector the similarity index searches. */
    public static final String SEARCH = "search";
    /** Unnormalised values a search vector is derived from (e.g. acoustic features before z-scoring). */
    public static final String RAW = "raw";
    /** Per-tag scores (e.g. MusiCNN's 50 tags). */
    public static final String TAGS = "tags";
    /** Mood probabilities. */
    public static final String MOODS = "moods";

    private EmbeddingKind() {
    }
}
