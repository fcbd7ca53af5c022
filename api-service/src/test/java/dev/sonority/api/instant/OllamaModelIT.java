package dev.sonority.api.instant;

import static dev.sonority.api.instant.ScriptedModelServer.call;
import static dev.sonority.api.instant.ScriptedModelServer.calls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.instant.ScriptedModelServer.Late;
import dev.sonority.api.instant.ScriptedModelServer.Words;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The same conversation over Ollama's {@code /api/chat} with tools, scripted by {@link ScriptedModelServer}. */
class OllamaModelIT extends InstantLibraryTest {

    static final ScriptedModelServer MODEL = new ScriptedModelServer();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("sonority.llm.provider", () -> "ollama");
        registry.add("sonority.llm.url", MODEL::ollamaUrl);
        registry.add("sonority.llm.model", () -> "llama3.1");
        registry.add("sonority.llm.timeout", () -> "2s");
    }

    @Test
    void aNormalToolSequenceOverOllamasChat() {
        MODEL.script(calls(call("similar_songs", "{\"artists\": [\"Aldous Reed\"], \"limit\": 40}")),
                calls(call("metadata_search", "{\"genre\": \"folk\", \"moods\": [\"relaxed\"]}")),
                new Words("{\"title\": \"Quiet Folk\", \"explanation\": \"Folk like Aldous Reed.\"}"));
        JsonNode answer = instant("quiet folk like Aldous Reed", "n", 12).json();
        assertThat(answer.get("planner").asString()).isEqualTo("ollama");
        assertThat(answer.get("title").asString()).isEqualTo("Quiet Folk");
        List<String> tools = new ArrayList<>();
        answer.get("steps").forEach(step -> tools.add(step.get("tool").asString()));
        assertThat(tools).containsExactly("similar_songs", "metadata_search");
        // merged by rank: relaxed folk songs, which both searches return, make at least half of the playlist
        assertThat(songs(answer)).hasSize(12);
        assertThat(songs(answer).stream().filter(s -> s.genre().equals("Folk") && s.mood("relaxed")).count())
                .isGreaterThanOrEqualTo(Math.min(6, library.songs.values().stream()
                        .filter(s -> s.genre().equals("Folk") && s.mood("relaxed")).count()));
        JsonNode first = MODEL.requests.getFirst();
        assertThat(first.get("model").asString()).isEqualTo("llama3.1");
        assertThat(first.get("stream").asBoolean()).isFalse();
        assertThat(first.get("tools")).hasSize(4);
        JsonNode tool = MODEL.requests.get(1).get("messages").get(3);
        assertThat(tool.get("role").asString()).isEqualTo("tool");
        assertThat(JSON.readTree(tool.get("content").asString()).get("note").asString()).startsWith("like ");
    }

    @Test
    void anUnknownToolThenBadArgumentsHandThePromptToTheRules() {
        MODEL.script(calls(call("shell", "{\"command\": \"rm -rf /\"}")),
                calls(call("metadata_search", "{\"tempo_min\": 500}")));
        JsonNode answer = instant("fast metal").json();
        assertThat(answer.get("planner").asString()).isEqualTo("rules");
        assertThat(answer.get("explanation").asString()).contains("'tempo_min' must be between 20 and 300");
        assertThat(songs(answer)).isNotEmpty().allMatch(s -> s.genre().equals("Metal") && s.bpm() >= 130);
    }

    @Test
    void aSlowOllamaTimesOut() {
        MODEL.script(new Late(4_000, new Words("{}")));
        JsonNode answer = instant("fast metal").json();
        assertThat(answer.get("planner").asString()).isEqualTo("rules");
        assertThat(answer.get("explanation").asString()).contains("did not answer within LLM_TIMEOUT");
    }
}
