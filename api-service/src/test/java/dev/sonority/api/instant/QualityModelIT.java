package dev.sonority.api.instant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.instant.ScriptedModelServer.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quality table with a scripted model (OpenAI protocol) whose calls are {@link QualityPrompts}' scripts. */
class QualityModelIT extends InstantLibraryTest {

    static final ScriptedModelServer MODEL = new ScriptedModelServer();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("sonority.llm.provider", () -> "openai");
        registry.add("sonority.llm.url", MODEL::openAiUrl);
        registry.add("sonority.llm.timeout", () -> "5s");
    }

    @Test
    void theScriptedModelsAnswersSatisfyThePromptsCheckableConstraints() {
        List<QualityReport.Row> rows = QualityReport.run(prompt -> {
            MODEL.script(prompt.script().toArray(Reply[]::new));
            return instant(prompt.text(), "n", prompt.n()).json();
        }, this::songs);
        QualityReport.write("model", rows);
        assertThat(rows).allMatch(row -> row.planner().equals("openai"));
        assertThat(QualityReport.share(rows)).isGreaterThanOrEqualTo(0.9);
    }
}
