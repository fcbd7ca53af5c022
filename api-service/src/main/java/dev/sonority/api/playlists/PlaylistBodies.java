package dev.sonority.api.playlists;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of {@code POST /api/v1/playlists} and {@code PUT /api/v1/playlists/{id}} strictly: an
 * unknown field, a wrong type or a missing part is a 422 that says where, never silently ignored (a field
 * misspelt {@code song} would otherwise save an empty playlist).
 */
final class PlaylistBodies {

    /** Most songs one playlist holds. */
    static final int MAX_SONGS = 10_000;

    /**
     * A new playlist: either {@code songs} (paths, a hand-made list) or a {@code from} source and its request.
     */
    record Create(String name, List<String> songs, String source, JsonNode request) {
    }

    /** Changes of an existing playlist; a null field stays as it is. */
    record Update(String name, List<String> songs) {
    }

    private PlaylistBodies() {
    }

    static Create create(JsonNode body) {
        requireObject(body, Set.of("name", "songs", "from"));
        String name = PlaylistName.valid(text(body.get("name"), "name"), "body", "name");
        JsonNode songs = body.get("songs");
        JsonNode from = body.get("from");
        if ((songs == null) == (from == null)) {
            throw invalid("Give either 'songs' (a list of song paths) or 'from' (a discovery request such as"
                    + " {\"similar\": {\"song\": PATH}}), not both or neither", "value_error", "body");
        }
        if (songs != null) {
            return new Create(name, paths(songs), null, null);
        }
        if (!from.isObject() || from.size() != 1) {
            throw invalid("'from' must be an object with exactly one source, e.g. {\"similar\": {\"song\": PATH}}",
                    "value_error", "body", "from");
        }
        String source = from.propertyNames().iterator().next();
        return new Create(name, null, source, from.get(source));
    }

    static Update update(JsonNode body) {
        requireObject(body, Set.of("name", "songs"));
        if (body.isEmpty()) {
            throw invalid("Nothing to change: give 'name' to rename, 'songs' (the new list of song paths, in order)"
                    + " to reorder, add or remove songs, or both", "value_error", "body");
        }
        String name = body.has("name") ? PlaylistName.valid(text(body.get("name"), "name"), "body", "name") : null;
        List<String> songs = body.has("songs") ? paths(body.get("songs")) : null;
        return new Update(name, songs);
    }

    private static void requireObject(JsonNode body, Set<String> fields) {
        if (body == null || !body.isObject()) {
            throw invalid("The body must be a JSON object", "model_attributes_type", "body");
        }
        List<Violation> unknown = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (!fields.contains(field)) {
                unknown.add(Violation.of("Unknown field '" + field + "'; allowed: " + String.join(", ",
                        fields.stream().sorted().toList()), "extra_forbidden", "body", field));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
    }

    private static String text(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw invalid("Field required", "missing", "body", field);
        }
        if (!value.isString()) {
            throw invalid("Input should be a valid string", "string_type", "body", field);
        }
        return value.stringValue();
    }

    /** The song paths of a {@code songs} array, in order (each checked later against the library). */
    private static List<String> paths(JsonNode songs) {
        if (!songs.isArray()) {
            throw invalid("'songs' must be a list of song paths", "list_type", "body", "songs");
        }
        if (songs.size() > MAX_SONGS) {
            throw invalid("A playlist holds at most " + MAX_SONGS + " songs", "too_long", "body", "songs");
        }
        List<String> paths = new ArrayList<>(songs.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < songs.size(); i++) {
            JsonNode song = songs.get(i);
            if (song.isString() && !song.stringValue().isBlank()) {
                paths.add(song.stringValue());
            } else {
                violations.add(Violation.of("Input should be a song path (a non-empty string)", "string_type",
                        "body", "songs", i));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return paths;
    }

    private static ValidationException invalid(String message, String type, Object... loc) {
        return new ValidationException(new Violation(List.of(loc), message, type));
    }
}
