package dev.sonority.api.discovery.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sonority.api.search.Rounding;
import dev.sonority.api.search.SongFields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/path}'s answer.
 *
 * @param model the model that answered (also in {@code X-Sonority-Model})
 * @param songs the path, the {@code from} song first and the {@code to} song last
 * @param totalDistance the sum of the steps (angular distance, arccos(cos)/pi)
 * @param maxStep the largest step
 * @param message present when the path is shorter than asked (a point none of whose candidates fit)
 */
public record PathAnswer(String model, List<Step> songs, double totalDistance, double maxStep,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    /** One song of the path and the angular distance from the song before it (null for the first song). */
    public record Step(@JsonUnwrapped SongFields song, Double distanceFromPrevious) {
    }

    /** The answer to a path of {@code asked} songs. */
    static PathAnswer of(PathFinder.Found found, int asked) {
        List<PathSong> songs = found.path().songs();
        List<Step> steps = new ArrayList<>(songs.size());
        for (int i = 0; i < songs.size(); i++) {
            steps.add(new Step(SongFields.of(found.songs().get(songs.get(i).id())),
                    i == 0 ? null : Rounding.six(found.path().steps()[i - 1])));
        }
        String message = songs.size() < asked ? songs.size() + " of " + asked + " songs: no candidate of "
                + (asked - songs.size()) + " point(s) fitted the path's rules (max_per_artist, duplicate_distance, no"
                + " song or title twice); fixed_size=true asks for every point" : null;
        return new PathAnswer(found.model(), steps, Rounding.six(found.path().totalDistance()),
                Rounding.six(found.path().maxStep()), message);
    }
}
