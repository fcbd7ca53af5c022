package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Server-Timing durations, against {@code String.format("%.3f")} of the truncated microseconds. */
class SearchResponsesTest {

    @Test
    void millisecondsWithThreeDecimals() {
        assertThat(SearchResponses.millis(1_052_345)).isEqualTo("1.052");
        assertThat(SearchResponses.millis(5_000)).isEqualTo("0.005");
        assertThat(SearchResponses.millis(40_000)).isEqualTo("0.040");
        assertThat(SearchResponses.millis(-3)).isEqualTo("0.000");
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            long nanos = (long) (random.nextDouble() * 1e11);
            assertThat(SearchResponses.millis(nanos))
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", (nanos / 1_000) / 1e3));
        }
    }
}
