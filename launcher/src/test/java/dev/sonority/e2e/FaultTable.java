package dev.sonority.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fault matrix's report: one row per part killed, as a Markdown table. */
final class FaultTable {

    /**
     * One scenario. Times are seconds: {@code back} from the kill until the part answered again, {@code recovery}
     * from the restart until the task's processed count grew again (or it ended), {@code taskEnd} from the
     * restart until the task ended, {@code index} from the task's end until the index answered for every
     * analysed song. Null where the scenario failed before it got there.
     */
    record Row(Part part, String outcome, int songs, int killedAt, int completed, int failed, Duration back,
            Duration recovery, Duration taskEnd, Duration index) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final long seed;

    FaultTable(long seed) {
        this.seed = seed;
    }

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder("Fault matrix (seed ").append(seed).append(", -Dfaults.seed=")
                .append(seed).append(" replays the kill moments)\n\n")
                .append("| component | outcome | songs | killed at | completed | failed | back s | recovery s | task end s | index s |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.part().label()).append(" | ").append(row.outcome().replace('|', '/'))
                    .append(" | ").append(row.songs()).append(" | ").append(row.killedAt()).append(" | ")
                    .append(row.completed()).append(" | ").append(row.failed()).append(" | ")
                    .append(seconds(row.back())).append(" | ").append(seconds(row.recovery())).append(" | ")
                    .append(seconds(row.taskEnd())).append(" | ").append(seconds(row.index())).append(" |\n");
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
