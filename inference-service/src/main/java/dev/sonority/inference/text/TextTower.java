package dev.sonority.inference.text;

import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.embedding.Vectors;
import dev.sonority.inference.spi.TextEmbedder;
import java.util.List;

/** A model's text side: tokenize each text, run them through the batcher (one item per text), L2-normalise. */
public final class TextTower implements TextEmbedder, AutoCloseable {

    private final TextTokenizer tokenizer;
    private final DynamicBatcher<TokenizedText, float[]> batcher;

    public TextTower(TextTokenizer tokenizer, DynamicBatcher<TokenizedText, float[]> batcher) {
        this.tokenizer = tokenizer;
        this.batcher = batcher;
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<TokenizedText> tokens = texts.stream().map(tokenizer::encode).toList();
        return batcher.submit(tokens).stream().map(Vectors::l2Normalized).toArray(float[][]::new);
    }

    /** Closes the tokenizer; the batcher and session belong to the registry. */
    @Override
    public void close() {
        tokenizer.close();
    }
}
