package dev.sonority.api.schedules;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/schedules}, checked field by field: {@code cron} (a Spring CronExpression; a bad
 * one is a 422 with the parser's message), {@code time_zone} (an IANA id, default the server's), {@code task_type}
 * and {@code enabled}. The task body is checked by {@link TaskBodies}.
 */
record NewSchedule(String cron, String timeZone, ScheduledTask task, @Nullable JsonNode body, boolean enabled) {

    private static final Set<String> FIELDS = Set.of("cron", "time_zone", "task_type", "body", "enabled");

    /** @throws ValidationException naming every bad field at once */
    static NewSchedule parse(@Nullable JsonNode request, ZoneId serverZone) {
        if (request == null || !request.isObject()) {
            throw new ValidationException(Violation.of("The body must be a JSON object with cron and task_type",
                    "type_error.object", "body"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = request.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(Violation.of("Unknown field " + name + "; known: " + new java.util.TreeSet<>(FIELDS),
                        "value_error.unknown", "body", name));
            }
        }
        String cron = text(request, "cron", violations);
        if (cron != null) {
            try {
                org.springframework.scheduling.support.CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of("Invalid cron expression: " + e.getMessage(), "value_error.cron",
                        "body", "cron"));
            }
        }
        String zone = serverZone.getId();
        if (request.has("time_zone") && !request.get("time_zone").isNull()) {
            zone = text(request, "time_zone", violations);
            if (zone != null) {
                try {
                    zone = ZoneId.of(zone).getId();
                } catch (DateTimeException e) {
                    violations.add(Violation.of("Invalid time zone: " + e.getMessage()
                            + " (an IANA id such as Europe/Berlin, or UTC)", "value_error.time_zone",
                            "body", "time_zone"));
                }
            }
        }
        String typeName = text(request, "task_type", violations);
        ScheduledTask task = null;
        if (typeName != null) {
            task = ScheduledTask.fromApiName(typeName).orElse(null);
            if (task == null) {
                violations.add(Violation.of("Unknown task_type '" + typeName + "'; valid: " + ScheduledTask.apiNames(),
                        "enum", "body", "task_type"));
            }
        }
        boolean enabled = true;
        JsonNode enabledNode = request.get("enabled");
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.asBoolean();
            } else {
                violations.add(Violation.of("enabled must be true or false", "type_error.bool", "body", "enabled"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new NewSchedule(cron, zone, task, request.get("body"), enabled);
    }

    private static @Nullable String text(JsonNode request, String field, List<Violation> violations) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            violations.add(Violation.of("Field required", "missing", "body", field));
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            violations.add(Violation.of(field + " must be a non-empty string", "type_error.str", "body", field));
            return null;
        }
        return node.asString().trim();
    }
}
