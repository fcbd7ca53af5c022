package dev.sonority.api.web;

import java.util.List;

/**
 * One validation error, shaped as FastAPI reports it: where ({@code ["path", "task_id"]},
 * {@code ["body", "models", 0]}, {@code ["query", "limit"]}), what is wrong, and a machine-readable type.
 */
public record Violation(List<Object> loc, String msg, String type) {

    public static Violation of(String msg, String type, Object... loc) {
        return new Violation(List.of(loc), msg, type);
    }
}
