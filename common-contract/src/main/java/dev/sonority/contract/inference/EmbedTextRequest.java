package dev.sonority.contract.inference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/embed/text}. The server checks it (1 to 256 texts, none blank) and answers a
 * clear 400 otherwise, so nothing is refused here.
 */
public record EmbedTextRequest(@Nullable String model, @Nullable List<String> texts) {
}
