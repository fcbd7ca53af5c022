package dev.sonority.api.playlists;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;

/**
 * Rules for playlist names. Any name without control characters is a name; one that leaves Sonority as an MPD
 * stored playlist or as {@code NAME.m3u} must also hold no path separator and no {@code ..}, since MPD refuses
 * {@code /} in playlist names and the file name must stay inside the playlist directory.
 */
final class PlaylistName {

    static final int MAX_LENGTH = 200;

    private PlaylistName() {
    }

    /** The name stripped of surrounding blanks; 422 at {@code loc} when it is blank, too long or has a control character. */
    static String valid(String raw, Object... loc) {
        if (raw == null || raw.isBlank()) {
            throw invalid("A playlist needs a name (not blank)", "string_too_short", loc);
        }
        String name = raw.strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw invalid("A playlist name has at most " + MAX_LENGTH + " characters", "string_too_long", loc);
        }
        if (hasControlCharacter(name)) {
            throw invalid("A playlist name must not contain control characters (line breaks, tabs, ...)",
                    "value_error", loc);
        }
        return name;
    }

    /** 422 when the name cannot be an MPD playlist or file name; says how to rename. */
    static void checkExportable(long id, String name) {
        String problem = hasControlCharacter(name) ? "a control character"
                : name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 ? "a path separator (/ or \\)"
                : name.contains("..") ? "'..'"
                : null;
        if (problem != null) {
            throw new ValidationException(Violation.of("The playlist name '" + printable(name) + "' contains " + problem
                    + ", which an MPD playlist or file name cannot hold; rename it first (PUT /api/v1/playlists/" + id
                    + " with {\"name\": ...})", "value_error", "path", "id"));
        }
    }

    private static boolean hasControlCharacter(String name) {
        return name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || c == '\u2028' || c == '\u2029');
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> shown.append(Character.getType(c) == Character.CONTROL
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return shown.toString();
    }

    private static ValidationException invalid(String message, String type, Object... loc) {
        return new ValidationException(new Violation(java.util.List.of(loc), message, type));
    }
}
