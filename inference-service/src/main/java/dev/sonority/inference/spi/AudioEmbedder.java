package dev.sonority.inference.spi;

/** A model's audio side. Called concurrently by request threads: it must be thread-safe. */
@FunctionalInterface
public interface AudioEmbedder {

    /**
     * Embeds one track. The caller has already checked that the samples are non-empty and finite and that their
     * rate is the manifest's {@code input.sample_rate}. Throw {@link InvalidInputException} for audio this model
     * cannot take (too short for one window, ...); run the ONNX part through a batcher from the context.
     */
    AudioEmbedding embed(AudioInput input);
}
