package dev.sonority.api.instant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the explanation says when the model's server cannot be used; never the API key. */
class ModelFailuresTest {

    static final LlmProperties LLM = new LlmProperties(LlmProperties.Provider.OPENAI, "http://llm:8080/v1", null,
            "secret-key", Duration.ofSeconds(3));

    @Test
    void namesTheServerAndTheKindOfFailure() {
        assertThat(ModelFailures.describe(new RuntimeException(new ConnectException("refused")), LLM))
                .isEqualTo("the openai server at http://llm:8080/v1 cannot be reached (ConnectException)");
        assertThat(ModelFailures.describe(new RuntimeException(new HttpTimeoutException("timed out")), LLM))
                .isEqualTo("the openai server at http://llm:8080/v1 did not answer within LLM_TIMEOUT (3.0 s)");
        assertThat(ModelFailures.describe(new dev.langchain4j.exception.HttpException(401, "bad key secret-key"), LLM))
                .isEqualTo("the openai server at http://llm:8080/v1 answered HTTP 401");
    }

    @Test
    void providerDefaultsFillBlankSettings() {
        LlmProperties ollama = bind(java.util.Map.of("sonority.llm.provider", "ollama", "sonority.llm.url", " "));
        assertThat(ollama.url()).isEqualTo("http://localhost:11434");
        assertThat(ollama.model()).isEqualTo("llama3.1");
        assertThat(ollama.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(java.util.Map.of()).provider()).isEqualTo(LlmProperties.Provider.NONE);
    }

    /** The record as Spring Boot binds it from settings, with its {@code @DefaultValue}s. */
    private static LlmProperties bind(java.util.Map<String, String> settings) {
        return new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(settings))
                .bindOrCreate("sonority.llm", LlmProperties.class);
    }
}
