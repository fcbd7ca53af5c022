package dev.sonority.api.tasks;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses a task id from a path. Only the canonical 8-4-4-4-12 hex form or 32 hex digits are accepted
 * ({@link UUID#fromString} alone would accept {@code 1-1-1-1-1}); anything else is a 422.
 */
final class TaskIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private TaskIds() {
    }

    static UUID parse(String raw, String parameterName) {
        if (raw != null && CANONICAL.matcher(raw).matches()) {
            return UUID.fromString(raw);
        }
        if (raw != null && HEX32.matcher(raw).matches()) {
            return UUID.fromString(raw.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        }
        throw new ValidationException(Violation.of(
                "Input should be a valid UUID, got '" + raw + "'", "uuid_parsing", "path", parameterName));
    }
}
