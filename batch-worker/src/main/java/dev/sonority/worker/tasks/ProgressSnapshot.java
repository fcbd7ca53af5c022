package dev.sonority.worker.tasks;

import dev.sonority.model.task.TaskProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task's counters at one moment, as written into its row; {@code details} carries the Lainbow names
 * ({@code processed_count}, {@code total_count}) and whatever else the job counts.
 */
public record ProgressSnapshot(int processed, int failed, @Nullable Integer total, @Nullable String message,
        Map<String, Object> extra) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProgressSnapshot {
        extra = Map.copyOf(extra);
    }

    public static ProgressSnapshot of(int processed, int failed, @Nullable Integer total, @Nullable String message) {
        return new ProgressSnapshot(processed, failed, total, message, Map.of());
    }

    public ProgressSnapshot withExtra(Map<String, Object> moreDetails) {
        return new ProgressSnapshot(processed, failed, total, message, moreDetails);
    }

    /** 0 to 100; 0 while the total is unknown. */
    public int percent() {
        if (total == null || total <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.floor(100.0 * processed / total));
    }

    public String detailsJson() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processed_count", processed);
        details.put("total_count", total);
        details.put("failed_count", failed);
        details.putAll(extra);
        return JSON.writeValueAsString(details);
    }

    /** The counters as the task row stores them. */
    public TaskProgress toProgress() {
        return new TaskProgress(percent(), processed, failed, total, message, detailsJson());
    }
}
