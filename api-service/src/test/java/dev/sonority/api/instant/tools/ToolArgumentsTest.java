package dev.sonority.api.instant.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's tool calls: what becomes a search, and what is refused with the reason the model is told. */
class ToolArgumentsTest {

    @Test
    void validCallsBecomeSearchesWithCheckedValues() {
        Tool tool = ToolArguments.parse("metadata_search", "{\"genre\": \"Rock\", \"year_min\": 1990, \"year_max\": \"1999\","
                + " \"tempo_min\": 120.5, \"key\": \"bb\", \"scale\": \"Minor\", \"moods\": [\"Happy\"], \"limit\": 30}");
        assertThat(tool).isInstanceOf(Tool.MetadataSearch.class);
        assertThat(tool.arguments()).isEqualTo(Map.of("genre", "Rock", "year_min", 1990, "year_max", 1999,
                "tempo_min", 120.5, "key", "A#", "scale", "minor", "moods", List.of("happy"), "limit", 30));
        Tool similar = ToolArguments.parse("similar_songs", "{\"artists\": \"Iron Vesper\"}");
        assertThat(((Tool.SimilarSongs) similar).artists()).containsExactly("Iron Vesper");
        assertThat(similar.limit()).isEqualTo(ToolArguments.DEFAULT_LIMIT);
        // an injection attempt is a value like any other: it reaches SQL only as a bound parameter
        Tool injected = ToolArguments.parse("metadata_search", "{\"genre\": \"x'; DROP TABLE song; --\"}");
        assertThat(injected.constraints().genres()).containsExactly("x'; DROP TABLE song; --");
    }

    @Test
    void badCallsAreRefusedSayingWhat() {
        Map<String, String[]> refused = Map.of(
                "broken JSON", new String[] {"text_search", "{\"query\": ", "not valid JSON"},
                "not an object", new String[] {"text_search", "[1, 2]", "must be a JSON object"},
                "unknown tool", new String[] {"run_sql", "{}", "There is no tool named 'run_sql'"},
                "unknown argument", new String[] {"metadata_search", "{\"genre\": \"rock\", \"sql\": \"x\"}",
                        "Unknown argument 'sql'"},
                "missing query", new String[] {"text_search", "{}", "'query' is required"},
                "out of range", new String[] {"metadata_search", "{\"tempo_min\": 500}", "between 20 and 300"},
                "reversed range", new String[] {"metadata_search", "{\"year_min\": 2000, \"year_max\": 1990}",
                        "year_min must not be above year_max"},
                "unknown mood", new String[] {"metadata_search", "{\"moods\": [\"spooky\"]}", "Unknown mood 'spooky'"},
                "no constraint", new String[] {"metadata_search", "{\"limit\": 5}", "at least one constraint"},
                "too long", new String[] {"text_search", "{\"query\": \"" + "x".repeat(201) + "\"}", "longer than 200"});
        refused.forEach((why, call) -> assertThatThrownBy(() -> ToolArguments.parse(call[0], call[1])).as(why)
                .isInstanceOf(BadToolCall.class).hasMessageContaining(call[2]));
    }

    @Test
    void genresAreMatchedAsWholeWordsAndLiterally() {
        assertThat("Alternative Rock; Pop").containsPattern(java.util.regex.Pattern.compile(
                ConstraintQuery.wholeWords("rock").replace("[:alnum:]", "\\p{Alnum}"), java.util.regex.Pattern.CASE_INSENSITIVE));
        assertThat(ConstraintQuery.wholeWords("r&b (90s)")).isEqualTo("(^|[^[:alnum:]])r\\&b\\ \\(90s\\)($|[^[:alnum:]])");
    }
}
