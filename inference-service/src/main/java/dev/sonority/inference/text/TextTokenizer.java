package dev.sonority.inference.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.sonority.inference.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's tokenizer.json through DJL (the Rust HuggingFace tokenizers): special tokens added as the file's
 * post-processor says ({@code <s> ... </s>} for RoBERTa, {@code [CLS] ... [SEP]} for BERT), truncated to
 * {@code maxTokens} with the special tokens kept. Padding is not done here but by the batch function, with
 * the model's own pad id: DJL would pad with the file's padding settings, which many files leave out.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    public static TextTokenizer open(Path tokenizerJson, int maxTokens) throws IOException {
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "maxLength", Integer.toString(maxTokens),
                "truncation", "true",
                "padding", "false",
                "addSpecialTokens", "true"));
        return new TextTokenizer(tokenizer, maxTokens);
    }

    public int maxTokens() {
        return maxTokens;
    }

    public TokenizedText encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        if (ids.length == 0) {
            throw new InvalidInputException("the text '" + text + "' has no tokens");
        }
        if (ids.length > maxTokens) {
            throw new IllegalStateException("the tokenizer returned " + ids.length + " tokens, more than "
                    + maxTokens);
        }
        return new TokenizedText(ids);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
