package dev.sonority.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.model.testing.StateWrites;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worker changes task and song_analysis rows only through common-model's TaskTransitions and
 * AnalysisTransitions: no SQL of its own writes those tables (reads are fine).
 */
class StateWritesTest {

    @Test
    void noTaskOrSongAnalysisWritesOutsideTheTransitionClasses() {
        assertThat(StateWrites.outside(Path.of("src/main/java"), Set.of()))
                .as("move these into TaskTransitions / AnalysisTransitions (common-model)").isEmpty();
    }
}
