package dev.sonority.launcher.client;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the launcher reads of a {@code TaskResult} (api/lainbow-compat.md): status, progress 0-100 and the
 * counts in {@code details}. A count the task has not reported yet is -1.
 */
public record TaskSnapshot(String id, String name, String status, int progress, long processed, long total,
        long failed, String message, String traceback) {

    private static final Set<String> FINISHED = Set.of("SUCCESS", "FAILURE", "CANCELLED", "SKIPPED");

    public static TaskSnapshot of(JsonNode task) {
        JsonNode details = task.path("details");
        return new TaskSnapshot(text(task, "id"), text(task, "name"), text(task, "status"), task.path("progress").asInt(0),
                count(details, "processed_count"), count(details, "total_count"), count(details, "failed_count"),
                text(task, "message"), text(task, "traceback"));
    }

    public boolean finished() {
        return FINISHED.contains(status);
    }

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static long count(JsonNode details, String field) {
        JsonNode value = details.path(field);
        return value.isNumber() ? value.asLong() : -1;
    }
}
