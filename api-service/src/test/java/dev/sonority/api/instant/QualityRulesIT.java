package dev.sonority.api.instant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The quality table with the rules (no language model): every prompt gets songs, nearly all of them right. */
class QualityRulesIT extends InstantLibraryTest {

    @Test
    void theRulesAnswersSatisfyThePromptsCheckableConstraints() {
        List<QualityReport.Row> rows = QualityReport.run(prompt -> instant(prompt.text(), "n", prompt.n()).json(), this::songs);
        QualityReport.write("rules", rows);
        assertThat(rows).allMatch(row -> row.planner().equals("rules")).allMatch(row -> row.returned() > 0);
        assertThat(QualityReport.share(rows)).isGreaterThanOrEqualTo(0.9);
    }
}
