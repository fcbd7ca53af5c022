package dev.sonority.api.instant.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model of instant playlists ({@code sonority.llm}); none by default (rules only). The defaults of
 * {@code url} and {@code model} depend on the provider, so they are set here rather than by {@code @DefaultValue}.
 *
 * @param provider {@code none} (LLM_PROVIDER), {@code openai} (any server speaking OpenAI's chat completions with
 *     tools: OpenAI, llama.cpp, vLLM, LM Studio ...) or {@code ollama}
 * @param url the server's base URL (LLM_URL); blank: {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param model the model's name (LLM_MODEL); blank: {@code gpt-4o-mini} or {@code llama3.1}
 * @param apiKey sent as a bearer token to OpenAI-compatible servers (LLM_API_KEY); blank: none
 * @param timeout longest wait for one answer of the model (LLM_TIMEOUT); past it the rules answer
 */
@ConfigurationProperties("sonority.llm")
public record LlmProperties(@DefaultValue("NONE") Provider provider, String url, String model, String apiKey,
        @DefaultValue("30s") Duration timeout) {

    /** Who serves the model. */
    public enum Provider { NONE, OPENAI, OLLAMA }

    public LlmProperties {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("LLM_TIMEOUT must be more than 0, was " + timeout);
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
        url = blank(url) ? switch (provider) {
            case OPENAI -> "https://api.openai.com/v1";
            case OLLAMA -> "http://localhost:11434";
            case NONE -> "";
        } : url.strip();
        model = blank(model) ? switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1";
            case NONE -> "";
        } : model.strip();
    }

    /** The provider's name as answers show it ({@code openai}). */
    public String providerName() {
        return provider.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
