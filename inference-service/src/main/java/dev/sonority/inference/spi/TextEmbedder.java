package dev.sonority.inference.spi;

import java.util.List;

/** A model's text side. Called concurrently by request threads: it must be thread-safe. */
@FunctionalInterface
public interface TextEmbedder {

    /**
     * One L2-normalised embedding per text, in order. The caller has checked the list is non-empty (at most
     * {@code 256} texts) and that no text is blank; throw {@link InvalidInputException} for anything else this
     * model cannot take.
     */
    float[][] embed(List<String> texts);
}
