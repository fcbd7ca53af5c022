package dev.sonority.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists exactly the variables of .env.template: every {@code NAME=...} or
 * {@code # NAME=...} line of the template has a row in one of the page's variable tables (tables whose first
 * header cell is "variable"), and every such row names, in its first column, one variable the template has.
 */
class ConfigurationDocTest {

    /** {@code NAME=value} or a commented-out {@code #NAME=value} / {@code # NAME=value}. */
    private static final Pattern TEMPLATE_LINE = Pattern.compile("^(?:#\\s?)?([A-Z][A-Z0-9_]*)=.*");
    /** A first cell holding exactly one variable name in backticks. */
    private static final Pattern VARIABLE_CELL = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void configurationPageListsExactlyTheVariablesOfEnvTemplate() throws Exception {
        String project = System.getProperty("sonority.project.dir");
        assertThat(project).as("sonority.project.dir (run through ./mvnw)").isNotNull();

        Set<String> template = templateVariables(Files.readAllLines(Path.of(project, ".env.template")));
        assertThat(template).as("variables found in .env.template").hasSizeGreaterThan(50)
                .contains("DATABASE_URL", "MUSIC_DIR", "MODELS_DIR", "INFERENCE_JAVA_OPTS");

        List<String> problems = new ArrayList<>();
        Set<String> documented = documentedVariables(
                Files.readAllLines(Path.of(project, "docs", "configuration.md")), problems);
        assertThat(problems).as("malformed rows in the variable tables of docs/configuration.md").isEmpty();

        Set<String> missing = new LinkedHashSet<>(template);
        missing.removeAll(documented);
        Set<String> unknown = new LinkedHashSet<>(documented);
        unknown.removeAll(template);
        assertThat(List.of(missing, unknown))
                .as("[variables of .env.template missing from docs/configuration.md, "
                        + "variables in docs/configuration.md's tables that .env.template does not have]")
                .containsExactly(Set.of(), Set.of());
    }

    @Test
    void parsesTemplateLinesAndTableRowsAsDocumented() {
        assertThat(templateVariables(List.of("# comment: Default: 5s", "A_B=1", "#C=2", "# D_2=", "e=3", "  F=4")))
                .containsExactly("A_B", "C", "D_2");

        List<String> problems = new ArrayList<>();
        Set<String> documented = documentedVariables(List.of(
                "| module | what |", "|---|---|", "| `NOT_A_VARIABLE_TABLE` | x |", "",
                "| variable | default | what it does |", "|---|---|---|",
                "| `A_B` | `1` | `C_D` in another column is prose |",
                "| `E`, `F` | | two in one row |",
                "| G | | no backticks |",
                "| `A_B` | | twice |",
                "",
                "text `H` outside a table"), problems);
        assertThat(documented).containsExactly("A_B");
        assertThat(problems).hasSize(3);
    }

    static Set<String> templateVariables(List<String> lines) {
        Set<String> variables = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher matcher = TEMPLATE_LINE.matcher(line);
            if (matcher.matches()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** First-column variables of every table whose header starts with "variable"; odd rows go to problems. */
    static Set<String> documentedVariables(List<String> lines, List<String> problems) {
        Set<String> variables = new LinkedHashSet<>();
        boolean inVariableTable = false;
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inTable = false;
                inVariableTable = false;
                continue;
            }
            String first = line.substring(1).split("\\|", -1)[0].strip();
            if (!inTable) { // a table's header row
                inTable = true;
                inVariableTable = first.equalsIgnoreCase("variable");
                continue;
            }
            if (!inVariableTable || first.matches("[-:\\s]+")) {
                continue;
            }
            Matcher matcher = VARIABLE_CELL.matcher(first);
            if (!matcher.matches()) {
                problems.add("line " + (i + 1) + ": first column is not one `VARIABLE`: " + first);
            } else if (!variables.add(matcher.group(1))) {
                problems.add("line " + (i + 1) + ": " + matcher.group(1) + " has a second row");
            }
        }
        return variables;
    }
}
