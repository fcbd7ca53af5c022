package dev.sonority.api.instant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Runs the {@link QualityPrompts} through the endpoint and reports, per prompt and over all returned songs, the
 * share that satisfies the prompt's checkable constraints; written to {@code target/instant-quality-NAME.md}
 * and the test log.
 */
final class QualityReport {

    record Row(String prompt, String checks, int n, int returned, int satisfied, String planner) {
    }

    private QualityReport() {
    }

    static List<Row> run(Function<QualityPrompts.Prompt, JsonNode> answer, Function<JsonNode, List<GeneratedLibrary.Song>> songs) {
        List<Row> rows = new ArrayList<>();
        for (QualityPrompts.Prompt prompt : QualityPrompts.ALL) {
            JsonNode response = answer.apply(prompt);
            List<GeneratedLibrary.Song> returned = songs.apply(response);
            int satisfied = (int) returned.stream().filter(prompt.satisfied()).count();
            rows.add(new Row(prompt.text(), prompt.checks(), prompt.n(), returned.size(), satisfied,
                    response.get("planner").asString()));
        }
        return rows;
    }

    /** The share over every returned song of every prompt. */
    static double share(List<Row> rows) {
        int returned = rows.stream().mapToInt(Row::returned).sum();
        return returned == 0 ? 0 : rows.stream().mapToInt(Row::satisfied).sum() / (double) returned;
    }

    static void write(String name, List<Row> rows) {
        StringBuilder table = new StringBuilder("| # | prompt | checked | n | songs | satisfying | share | planner |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %s | %s |%n", i + 1, row.prompt(),
                    row.checks(), row.n(), row.returned(), row.satisfied(),
                    row.returned() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", row.satisfied() / (double) row.returned()),
                    row.planner()));
        }
        table.append(String.format(Locale.ROOT, "%nAll returned songs: %d, satisfying: %d, share %.3f; prompts with no"
                + " song: %d%n", rows.stream().mapToInt(Row::returned).sum(), rows.stream().mapToInt(Row::satisfied).sum(),
                share(rows), rows.stream().filter(r -> r.returned() == 0).count()));
        System.out.println("Instant playlist quality (" + name + "):\n" + table);
        try {
            Files.writeString(Path.of("target", "instant-quality-" + name + ".md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write target/instant-quality-" + name + ".md", e);
        }
        assertThat(rows).hasSize(30);
    }
}
