package dev.sonority.inference.spi;

import java.util.Optional;

/**
 * A model ready to run. Its sessions and batchers come from the {@link ModelLoadContext} and are closed by the
 * registry; {@link #close} is only for anything else the model opened itself. The registry never closes a model
 * while a request is using it.
 */
public interface LoadedModel extends AutoCloseable {

    /** The audio tower, for models whose {@code ModelName.Kind} includes audio. */
    default Optional<AudioEmbedder> audio() {
        return Optional.empty();
    }

    /** The text tower, for models whose {@code ModelName.Kind} includes text. */
    default Optional<TextEmbedder> text() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }

    /** A model with an audio tower only and nothing of its own to close. */
    static LoadedModel audioOnly(AudioEmbedder audio) {
        return new LoadedModel() {
            @Override
            public Optional<AudioEmbedder> audio() {
                return Optional.of(audio);
            }
        };
    }
}
