package dev.sonority.api.instant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat model of {@link LlmProperties}, or none. No retries: a model that fails or is slow is replaced by the
 * rules at once rather than tried again while the user waits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    @Bean
    ChatModelHolder chatModel(LlmProperties llm) {
        return new ChatModelHolder(switch (llm.provider()) {
            case NONE -> Optional.empty();
            case OPENAI -> Optional.of(OpenAiChatModel.builder().baseUrl(llm.url()).modelName(llm.model())
                    // OpenAI-compatible local servers need no key, but the client insists on one
                    .apiKey(llm.apiKey().isEmpty() ? "none" : llm.apiKey())
                    .timeout(llm.timeout()).maxRetries(0).build());
            case OLLAMA -> Optional.of(OllamaChatModel.builder().baseUrl(llm.url()).modelName(llm.model())
                    .timeout(llm.timeout()).maxRetries(0).build());
        });
    }

    /** The configured chat model, if any (a bean that may be absent, without null beans). */
    record ChatModelHolder(Optional<ChatModel> model) {
    }
}
