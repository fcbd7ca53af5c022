package dev.sonority.api.search;

import dev.sonority.contract.models.MusicnnLabels;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Field filters of Sonority's search endpoints, resolved to song ids in PostgreSQL ({@link FilterQueries}).
 *
 * @param genre equal ignoring case, or null
 * @param artist equal ignoring case, or null
 * @param bpmMin lowest tempo (inclusive), or null
 * @param bpmMax highest tempo (inclusive), or null
 * @param key pitch class 0 (C) .. 11 (B) of the key, or null
 * @param scale {@code major} or {@code minor}, or null
 * @param moods MusiCNN moods each song must be {@linkplain Moods strong} in; empty for none
 */
record SongFilters(String genre, String artist, Double bpmMin, Double bpmMax, Integer key, String scale,
        List<String> moods) {

    boolean none() {
        return genre == null && artist == null && bpmMin == null && bpmMax == null && key == null && scale == null
                && moods.isEmpty();
    }

    /** Reads {@code genre}, {@code artist}, {@code bpm_min}, {@code bpm_max}, {@code key}, {@code scale}, {@code moods}. */
    static SongFilters of(HttpServletRequest request) {
        return of(request::getParameter);
    }

    /** The filters from named values (query parameters, or the fields of a JSON request); null: not given. */
    static SongFilters of(UnaryOperator<String> parameter) {
        Double bpmMin = number(parameter, "bpm_min");
        Double bpmMax = number(parameter, "bpm_max");
        if (bpmMin != null && bpmMax != null && bpmMin > bpmMax) {
            throw QueryParameters.invalid("bpm_min must not be above bpm_max", "value_error", "bpm_min");
        }
        Integer key = null;
        String scale = blankToNull(parameter.apply("scale"));
        String keyName = blankToNull(parameter.apply("key"));
        if (keyName != null) {
            String[] parts = keyName.split("\\s+"); // "A minor" as well as key=A&scale=minor
            try {
                key = KeyRelation.pitchClass(parts[0].substring(0, 1).toUpperCase(Locale.ROOT) + parts[0].substring(1));
            } catch (IllegalArgumentException e) {
                throw QueryParameters.invalid("Unknown key '" + keyName + "'; use C, C#, Db, D ... B, optionally"
                        + " followed by major or minor", "value_error", "key");
            }
            if (parts.length > 1) {
                scale = parts[1];
            }
        }
        if (scale != null) {
            scale = scale.toLowerCase(Locale.ROOT);
            if (!scale.equals("major") && !scale.equals("minor")) {
                throw QueryParameters.invalid("Input should be 'major' or 'minor'", "enum", "scale");
            }
        }
        List<String> moods = List.of();
        String moodList = blankToNull(parameter.apply("moods"));
        if (moodList != null) {
            moods = Arrays.stream(moodList.split(",")).map(String::strip).filter(m -> !m.isEmpty())
                    .map(m -> m.toLowerCase(Locale.ROOT)).toList();
            for (String mood : moods) {
                if (Moods.index(mood) < 0) {
                    throw QueryParameters.invalid(Moods.unknown(mood), "enum", "moods");
                }
            }
        }
        return new SongFilters(blankToNull(parameter.apply("genre")), blankToNull(parameter.apply("artist")),
                bpmMin, bpmMax, key, scale, moods);
    }

    private static Double number(UnaryOperator<String> parameter, String name) {
        String raw = blankToNull(parameter.apply(name));
        return raw == null ? null : QueryParameters.number(raw, name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
