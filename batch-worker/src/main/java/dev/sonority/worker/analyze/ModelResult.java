package dev.sonority.worker.analyze;

/** One model's outcome on one song when several models are computed together. */
public sealed interface ModelResult {

    /** The model computed this song. */
    record Computed(ModelOutput output) implements ModelResult {
    }

    /** The model could not compute this song; the reason is stored with the song's analysis. */
    record Failed(String reason) implements ModelResult {
    }
}
