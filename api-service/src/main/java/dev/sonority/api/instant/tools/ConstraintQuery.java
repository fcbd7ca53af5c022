package dev.sonority.api.instant.tools;

import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * The songs that meet {@link SongConstraints}: one SELECT assembled from fixed fragments, every value a
 * parameter, run by {@link ReadOnlyLibrary}. Moods, valence and arousal are float vectors in {@code embedding},
 * so they are checked here after reading them (as the search endpoints' mood filter does).
 */
@Component
public class ConstraintQuery {

    private final ReadOnlyLibrary library;

    public ConstraintQuery(ReadOnlyLibrary library) {
        this.library = library;
    }

    /** The ids of the present songs that meet every constraint, in id order. */
    public List<Long> matching(SongConstraints constraints) {
        List<String> where = new ArrayList<>(List.of("s.missing_since IS NULL"));
        Map<String, Object> params = new HashMap<>();
        anyOf(where, params, "artist", constraints.artists(),
                name -> "(lower(s.artist) = lower(:" + name + ") OR lower(s.album_artist) = lower(:" + name + "))");
        List<String> genrePatterns = constraints.genres().stream().map(ConstraintQuery::wholeWords).toList();
        anyOf(where, params, "genre", genrePatterns, name -> "s.genre ~* :" + name);
        range(where, params, "s.year", "year", constraints.yearMin(), constraints.yearMax());
        range(where, params, "d.bpm", "tempo", constraints.tempoMin(), constraints.tempoMax());
        range(where, params, "s.duration_seconds", "duration", constraints.durationMin(), constraints.durationMax());
        if (constraints.key() != null) {
            where.add("d.musical_key = :key");
            params.put("key", constraints.key());
        }
        if (constraints.scale() != null) {
            where.add("lower(d.scale) = :scale");
            params.put("scale", constraints.scale());
        }
        List<Long> ids = library.query("SELECT s.id FROM song s LEFT JOIN song_descriptors d ON d.song_id = s.id"
                + " WHERE " + String.join(" AND ", where) + " ORDER BY s.id", params, (rs, n) -> rs.getLong(1));
        if (!constraints.needsMoods() || ids.isEmpty()) {
            return ids;
        }
        Set<Long> moody = withMoods(constraints);
        return ids.stream().filter(moody::contains).toList();
    }

    private Set<Long> withMoods(SongConstraints constraints) {
        int[] columns = constraints.moods().stream().mapToInt(MusicnnLabels.MOODS::indexOf).toArray();
        Set<Long> ids = new HashSet<>();
        library.query("SELECT song_id, data FROM embedding WHERE model = 'musicnn' AND kind = :kind",
                Map.of("kind", EmbeddingKind.MOODS), (rs, n) -> {
                    float[] moods = VectorCodec.decode(rs.getBytes("data"));
                    if (moods.length == MusicnnLabels.MOODS.size() && meets(moods, columns, constraints)) {
                        ids.add(rs.getLong("song_id"));
                    }
                    return null;
                });
        return ids;
    }

    private static boolean meets(float[] moods, int[] columns, SongConstraints c) {
        for (int column : columns) {
            if (!(moods[column] >= 0.5f)) {
                return false;
            }
        }
        double valence = MoodAxes.valence(moods);
        double arousal = MoodAxes.arousal(moods);
        return within(valence, c.valenceMin(), c.valenceMax()) && within(arousal, c.arousalMin(), c.arousalMax());
    }

    private static boolean within(double value, Double min, Double max) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static void anyOf(List<String> where, Map<String, Object> params, String prefix, List<String> values,
            java.util.function.Function<String, String> fragment) {
        if (values.isEmpty()) {
            return;
        }
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < values.size(); i++) {
            String name = prefix + i;
            params.put(name, values.get(i));
            any.add(fragment.apply(name));
        }
        where.add(any.toString());
    }

    private static void range(List<String> where, Map<String, Object> params, String column, String name, Number min,
            Number max) {
        if (min != null) {
            where.add(column + " >= :" + name + "Min");
            params.put(name + "Min", min);
        }
        if (max != null) {
            where.add(column + " <= :" + name + "Max");
            params.put(name + "Max", max);
        }
    }

    /**
     * A PostgreSQL regular expression matching {@code phrase} as whole words anywhere in a tag ("rock" in
     * "Alternative Rock; Pop", not in "Rockabilly"). Every character but letters and digits is escaped, so the
     * value is matched literally.
     */
    static String wholeWords(String phrase) {
        StringBuilder literal = new StringBuilder();
        phrase.strip().codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                literal.append('\\');
            }
            literal.appendCodePoint(c);
        });
        return "(^|[^[:alnum:]])" + literal + "($|[^[:alnum:]])";
    }
}
