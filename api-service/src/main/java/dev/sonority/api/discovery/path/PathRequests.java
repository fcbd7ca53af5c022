package dev.sonority.api.discovery.path;

import dev.sonority.api.search.Moods;
import dev.sonority.api.search.QueryParameters;
import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.web.ApiException;
import dev.sonority.contract.models.ModelName;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Checks the parameters of a path request, from the endpoint's query or a playlist's {@code from.path}: 422 for
 * a value out of range or not exactly one of a song and a mood per end, 404 for an unknown song. Located as query
 * parameters; the playlist source moves them into its body.
 */
@Component
class PathRequests {

    private final SongCatalog catalog;

    PathRequests(SongCatalog catalog) {
        this.catalog = catalog;
    }

    /** Null stands for a parameter not given. */
    PathQuery query(String from, String to, String fromMood, String toMood, Integer steps, String model,
            Integer maxPerArtist, Boolean fixedSize, Double duplicateDistance) {
        return new PathQuery(end(from, fromMood, "from"), end(to, toMood, "to"), steps(steps),
                QueryParameters.model(model, ModelName.apiNames(), null, "model"), new PathRules(
                        cap(maxPerArtist), distance(duplicateDistance), fixedSize != null && fixedSize));
    }

    private PathEnd end(String song, String mood, String name) {
        if ((song == null) == (mood == null)) {
            throw QueryParameters.invalid("Give exactly one of " + name + "=PATH or " + name + "_mood=MOOD",
                    song == null ? "missing" : "value_error", name);
        }
        if (mood != null) {
            if (Moods.index(mood) < 0) {
                throw QueryParameters.invalid(Moods.unknown(mood), "enum", name + "_mood");
            }
            return new PathEnd.Mood(mood.strip().toLowerCase(Locale.ROOT));
        }
        return new PathEnd.Song(catalog.idOfPath(song).orElseThrow(() -> ApiException.notFound("Song not found: "
                + song)), song);
    }

    private static int steps(Integer steps) {
        int value = steps == null ? PathQuery.DEFAULT_STEPS : steps;
        if (value < PathQuery.MIN_STEPS || value > PathQuery.MAX_STEPS) {
            throw QueryParameters.invalid("Input should be between " + PathQuery.MIN_STEPS + " and "
                    + PathQuery.MAX_STEPS, "range", "steps");
        }
        return value;
    }

    private static int cap(Integer maxPerArtist) {
        int value = maxPerArtist == null ? PathQuery.DEFAULT_MAX_PER_ARTIST : maxPerArtist;
        if (value < 1) {
            throw QueryParameters.invalid("Input should be greater than 0", "greater_than", "max_per_artist");
        }
        return value;
    }

    private static double distance(Double duplicateDistance) {
        double value = duplicateDistance == null ? PathQuery.DEFAULT_DUPLICATE_DISTANCE : duplicateDistance;
        if (!(value >= 0 && value <= 1)) {
            throw QueryParameters.invalid("Input should be between 0 and 1 (angular distance)", "range",
                    "duplicate_distance");
        }
        return value;
    }
}
