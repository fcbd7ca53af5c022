package dev.sonority.api.search;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses search query parameters as FastAPI validated them for Lainbow (same messages and types), so
 * {@code limit=0}, {@code limit=abc} or an unknown {@code model_name} answer 422 with FastAPI's body.
 */
public final class QueryParameters {

    static final int MAX_LIMIT = 1000;

    private QueryParameters() {
    }

    /** {@code limit}: default 10, 1..{@value #MAX_LIMIT}. */
    static int limit(String raw, int defaultLimit) {
        int limit = raw == null ? defaultLimit : integer(raw, "limit");
        if (limit <= 0) {
            throw invalid("Input should be greater than 0", "greater_than", "limit");
        }
        if (limit > MAX_LIMIT) {
            throw invalid("Input should be less than or equal to " + MAX_LIMIT, "less_than_equal", "limit");
        }
        return limit;
    }

    public static int integer(String raw, String name) {
        try {
            return dev.sonority.web.AsciiNumbers.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid("Input should be a valid integer, unable to parse string as an integer", "int_parsing",
                    name);
        }
    }

    public static double number(String raw, String name) {
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("Input should be a valid number, unable to parse string as a number", "float_parsing", name);
    }

    public static boolean bool(String raw, String name) {
        if (raw == null) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid("Input should be a valid boolean, unable to interpret input", "bool_parsing",
                    name);
        };
    }

    /** One of {@code allowed}, or {@code defaultModel} when absent. */
    public static String model(String raw, List<String> allowed, String defaultModel, String name) {
        if (raw == null) {
            return defaultModel;
        }
        if (!allowed.contains(raw)) {
            throw invalid("Input should be " + choices(allowed), "enum", name);
        }
        return raw;
    }

    /** A text query: present and not blank. */
    static String query(String raw) {
        if (raw == null) {
            throw invalid("Field required", "missing", "q");
        }
        if (raw.isBlank()) {
            throw invalid("String should have at least 1 non-blank character", "string_too_short", "q");
        }
        return raw.strip();
    }

    public static ValidationException invalid(String message, String type, String name) {
        return new ValidationException(Violation.of(message, type, "query", name));
    }

    /** FastAPI's enum wording: {@code 'a', 'b' or 'c'}. */
    private static String choices(List<String> allowed) {
        List<String> quoted = allowed.stream().map(m -> "'" + m + "'").toList();
        if (quoted.size() == 1) {
            return quoted.getFirst();
        }
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + quoted.getLast();
    }
}
