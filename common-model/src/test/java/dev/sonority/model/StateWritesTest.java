package dev.sonority.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.model.testing.StateWrites;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Within common-model, only the two transition classes write the task and song_analysis tables. */
class StateWritesTest {

    @Test
    void onlyTheTransitionClassesWriteTaskAndSongAnalysis() {
        assertThat(StateWrites.outside(Path.of("src/main/java"),
                Set.of("TaskTransitions.java", "AnalysisTransitions.java"))).isEmpty();
    }

    @Test
    void findsWritesAcrossLinesButNotColumnsNamedLikeTheTable() {
        assertThat(StateWrites.WRITE.matcher("jdbc.sql(\"\"\"\n    update\n  task SET x = 1").find()).isTrue();
        assertThat(StateWrites.WRITE.matcher("DELETE FROM song_analysis WHERE").find()).isTrue();
        assertThat(StateWrites.WRITE.matcher("UPDATE song SET task_id = 1").find()).isFalse();
        assertThat(StateWrites.WRITE.matcher("SELECT status FROM task WHERE id = :id").find()).isFalse();
    }
}
