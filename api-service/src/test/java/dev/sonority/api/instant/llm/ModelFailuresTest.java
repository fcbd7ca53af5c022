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
        LlmProperties ollama = new LlmProperties(LlmProperties.Provider.OLLAMA, " ", "", null, null);
        assertThat(ollama.url()).isEqualTo("http://localhost:11434");
        assertThat(ollama.model()).isEqualTo("llama3.1");
        assertThat(ollama.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new LlmProperties(null, null, null, null, null).provider()).isEqualTo(LlmProperties.Provider.NONE);
    }
}
