package dev.sonority.api.instant.tools;

import dev.sonority.contract.models.MusicnnLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a language model's tool call (a name and a JSON object of arguments) into a {@link Tool}, or refuses it
 * with a {@link BadToolCall} that says exactly what is wrong, so the model can be told once. Every argument
 * is checked: known names only, the right JSON type, values within range, strings of bounded length; nothing
 * unknown passes through.
 */
public final class ToolArguments {

    public static final int DEFAULT_LIMIT = 50;
    static final int MAX_TEXT = 200;
    static final int MAX_NAMES = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CONSTRAINTS = List.of("artist", "genre", "year_min", "year_max", "tempo_min",
            "tempo_max", "key", "scale", "moods", "valence_min", "valence_max", "arousal_min", "arousal_max",
            "duration_min", "duration_max");

    private final JsonNode arguments;

    private ToolArguments(JsonNode arguments) {
        this.arguments = arguments;
    }

    /** The tool {@code name} called with {@code json}. */
    public static Tool parse(String name, String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (JacksonException e) {
            throw new BadToolCall("The arguments of " + name + " are not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new BadToolCall("The arguments of " + name + " must be a JSON object");
        }
        ToolArguments args = new ToolArguments(node);
        return switch (name) {
            case "text_search" -> {
                args.only(with(CONSTRAINTS, "query", "limit"));
                yield new Tool.TextSearch(args.requiredText("query"), args.constraints(), args.limit());
            }
            case "similar_songs" -> {
                args.only(with(CONSTRAINTS, "songs", "artists", "limit"));
                List<String> songs = args.texts("songs");
                List<String> artists = args.texts("artists");
                if (songs.isEmpty() && artists.isEmpty()) {
                    throw new BadToolCall("similar_songs needs songs or artists to be like");
                }
                yield new Tool.SimilarSongs(songs, artists, args.constraints(), args.limit());
            }
            case "metadata_search" -> {
                args.only(with(CONSTRAINTS, "limit"));
                SongConstraints constraints = args.constraints();
                if (constraints.none()) {
                    throw new BadToolCall("metadata_search needs at least one constraint");
                }
                yield new Tool.MetadataSearch(constraints, args.limit());
            }
            case "artist_lookup" -> {
                args.only(List.of("name", "limit"));
                yield new Tool.ArtistLookup(args.requiredText("name"), args.limit());
            }
            default -> throw new BadToolCall("There is no tool named '" + shortened(name)
                    + "'; the tools are text_search, similar_songs, metadata_search and artist_lookup");
        };
    }

    private static List<String> with(List<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private void only(List<String> allowed) {
        for (String name : arguments.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new BadToolCall("Unknown argument '" + shortened(name) + "'; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private SongConstraints constraints() {
        Integer yearMin = integer("year_min", 1000, 2100);
        Integer yearMax = integer("year_max", 1000, 2100);
        Double tempoMin = number("tempo_min", 20, 300);
        Double tempoMax = number("tempo_max", 20, 300);
        Double valenceMin = number("valence_min", 0, 1);
        Double valenceMax = number("valence_max", 0, 1);
        Double arousalMin = number("arousal_min", 0, 1);
        Double arousalMax = number("arousal_max", 0, 1);
        Double durationMin = number("duration_min", 0, 36_000);
        Double durationMax = number("duration_max", 0, 36_000);
        ordered("year", yearMin, yearMax);
        ordered("tempo", tempoMin, tempoMax);
        ordered("valence", valenceMin, valenceMax);
        ordered("arousal", arousalMin, arousalMax);
        ordered("duration", durationMin, durationMax);
        String key = null;
        String keyName = text("key");
        if (keyName != null) {
            key = KeyNames.stored(keyName);
            if (key == null) {
                throw new BadToolCall("Unknown key '" + shortened(keyName) + "'; use C, C#, Db, D ... B");
            }
        }
        String scale = text("scale");
        if (scale != null) {
            scale = scale.toLowerCase(Locale.ROOT);
            if (!Set.of("major", "minor").contains(scale)) {
                throw new BadToolCall("scale must be major or minor");
            }
        }
        List<String> moods = texts("moods").stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        for (String mood : moods) {
            if (!MusicnnLabels.MOODS.contains(mood)) {
                throw new BadToolCall("Unknown mood '" + shortened(mood) + "'; moods: " + String.join(", ", MusicnnLabels.MOODS));
            }
        }
        String artist = text("artist");
        String genre = text("genre");
        return new SongConstraints(artist == null ? List.of() : List.of(artist), genre == null ? List.of() : List.of(genre),
                yearMin, yearMax, tempoMin, tempoMax, key, scale, moods, valenceMin, valenceMax, arousalMin, arousalMax,
                durationMin, durationMax);
    }

    private int limit() {
        Integer limit = integer("limit", 1, Tool.MAX_LIMIT);
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    private String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw new BadToolCall("'" + name + "' is required and must be a non-empty string");
        }
        return value;
    }

    private String text(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadToolCall("'" + name + "' must be a string");
        }
        String text = value.stringValue().strip();
        if (text.length() > MAX_TEXT) {
            throw new BadToolCall("'" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private List<String> texts(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) { // one name where a list was asked: small models do this, the meaning is clear
            String text = text(name);
            return text == null ? List.of() : List.of(text);
        }
        if (!value.isArray() || value.size() > MAX_NAMES) {
            throw new BadToolCall("'" + name + "' must be a list of at most " + MAX_NAMES + " strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString() || item.stringValue().isBlank() || item.stringValue().length() > MAX_TEXT) {
                throw new BadToolCall("'" + name + "' must be a list of non-empty strings of at most " + MAX_TEXT
                        + " characters");
            }
            texts.add(item.stringValue().strip());
        }
        return texts;
    }

    private Integer integer(String name, int min, int max) {
        Double value = number(name, min, max);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value)) {
            throw new BadToolCall("'" + name + "' must be a whole number");
        }
        return value.intValue();
    }

    private Double number(String name, double min, double max) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isString()) { // "120": small models quote numbers; anything else is refused below
            try {
                number = Double.parseDouble(value.stringValue().strip());
            } catch (NumberFormatException e) {
                throw new BadToolCall("'" + name + "' must be a number");
            }
        } else {
            throw new BadToolCall("'" + name + "' must be a number");
        }
        if (!(number >= min && number <= max)) {
            throw new BadToolCall("'" + name + "' must be between " + format(min) + " and " + format(max));
        }
        return number;
    }

    private static void ordered(String name, Number min, Number max) {
        if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
            throw new BadToolCall(name + "_min must not be above " + name + "_max");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A name or value echoed in an error, cut so a model cannot make our answer to it arbitrarily long. */
    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
