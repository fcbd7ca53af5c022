package dev.sonority.api.instant.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What songs must be, every field optional (null or empty: no constraint). Values are compared, never
 * executed: they become parameters of {@link ConstraintQuery}'s SQL.
 *
 * @param artists the artist or album artist is one of these, ignoring case
 * @param genres the genre tag is one of these or holds one as whole words ("rock" matches "Alternative Rock")
 * @param yearMin first year (inclusive)
 * @param yearMax last year (inclusive)
 * @param tempoMin lowest tempo in BPM (inclusive)
 * @param tempoMax highest tempo in BPM (inclusive)
 * @param key key name: C, C#, Db, ... B
 * @param scale {@code major} or {@code minor}
 * @param moods MusiCNN moods each song has with probability at least one half
 * @param valenceMin lowest valence, 0..1 ({@link MoodAxes})
 * @param valenceMax highest valence
 * @param arousalMin lowest arousal, 0..1
 * @param arousalMax highest arousal
 * @param durationMin shortest duration in seconds
 * @param durationMax longest duration in seconds
 */
public record SongConstraints(List<String> artists, List<String> genres, Integer yearMin, Integer yearMax,
        Double tempoMin, Double tempoMax, String key, String scale, List<String> moods, Double valenceMin,
        Double valenceMax, Double arousalMin, Double arousalMax, Double durationMin, Double durationMax) {

    public static final SongConstraints NONE = new SongConstraints(List.of(), List.of(), null, null, null, null, null,
            null, List.of(), null, null, null, null, null, null);

    public SongConstraints {
        artists = artists == null ? List.of() : List.copyOf(artists);
        genres = genres == null ? List.of() : List.copyOf(genres);
        moods = moods == null ? List.of() : List.copyOf(moods);
    }

    public boolean none() {
        return arguments().isEmpty();
    }

    /** Whether songs must be read from MusiCNN's mood vectors to check these constraints. */
    boolean needsMoods() {
        return !moods.isEmpty() || valenceMin != null || valenceMax != null || arousalMin != null
                || arousalMax != null;
    }

    /** The constraints that are set, named as the tools' arguments ({@code year_min}, ...), in a stable order. */
    public Map<String, Object> arguments() {
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "artist", artists.size() == 1 ? artists.getFirst() : artists.isEmpty() ? null : artists);
        put(set, "genre", genres.size() == 1 ? genres.getFirst() : genres.isEmpty() ? null : genres);
        put(set, "year_min", yearMin);
        put(set, "year_max", yearMax);
        put(set, "tempo_min", tempoMin);
        put(set, "tempo_max", tempoMax);
        put(set, "key", key);
        put(set, "scale", scale);
        put(set, "moods", moods.isEmpty() ? null : moods);
        put(set, "valence_min", valenceMin);
        put(set, "valence_max", valenceMax);
        put(set, "arousal_min", arousalMin);
        put(set, "arousal_max", arousalMax);
        put(set, "duration_min", durationMin);
        put(set, "duration_max", durationMax);
        return set;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
