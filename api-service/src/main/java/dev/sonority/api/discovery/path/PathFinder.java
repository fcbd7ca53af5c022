package dev.sonority.api.discovery.path;

import dev.sonority.api.discovery.moods.MoodCentroid;
import dev.sonority.api.discovery.moods.MoodCentroids;
import dev.sonority.api.search.ModelChain;
import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.search.SongSummary;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Song paths ({@code GET /api/v1/path}): resolves the ends in the first model of the fallback chain that has
 * vectors of both, collects each point's candidates ({@link PathCandidates}) and chooses the songs with
 * {@link PathSearch}. A fixed-size path that the candidates cannot fill is asked again with more candidates
 * per point (twice as many, up to {@value #MAX_PER_POINT}) before it is refused.
 */
@Component
public class PathFinder {

    /** Candidates asked of the index per point; AudioMuse-AI asks 10, more give the global search room. */
    public static final int PER_POINT = 16;
    static final int MAX_PER_POINT = 128;

    /** A path and what it was made from. */
    public record Found(String model, FoundPath path, Map<Long, SongSummary> songs, int asked, long indexNanos) {
    }

    private final ModelChain models;
    private final PathCandidates candidates;
    private final MoodCentroids moods;
    private final VectorStore store;
    private final SongCatalog catalog;

    PathFinder(ModelChain models, PathCandidates candidates, MoodCentroids moods, VectorStore store,
            SongCatalog catalog) {
        this.models = models;
        this.candidates = candidates;
        this.moods = moods;
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * @throws ApiException 404 when no model has vectors of both ends, 422 when a fixed-size path cannot be filled
     * @throws ValidationException when both ends are the same song
     */
    public Found find(PathQuery query) {
        if (query.from().equals(query.to())) {
            throw same("from and to are the same " + (query.from() instanceof PathEnd.Mood ? "mood" : "song"));
        }
        return models.first(query.model(), model -> attempt(model, query)).orElseThrow(() -> ApiException.notFound(
                "No model has vectors of both ends of the path (" + models.tried(query.model()) + "): run analyze"
                        + " (POST /api/v1/batch/analyze/run)" + (query.from() instanceof PathEnd.Mood
                        || query.to() instanceof PathEnd.Mood ? ", with musicnn for moods" : "") + "."));
    }

    private Optional<Found> attempt(String model, PathQuery query) {
        Optional<PathSong> from = end(model, query.from(), query.to());
        Optional<PathSong> to = end(model, query.to(), query.from());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().id() == to.get().id()) {
            throw same("from and to are the same song in " + model + "'s space (the song nearest a mood's centroid)");
        }
        for (int perPoint = PER_POINT; ; perPoint *= 2) {
            PathCandidates.Layers layers = candidates.collect(model, from.get(), to.get(), query.steps(), perPoint);
            Optional<FoundPath> path = PathSearch.best(from.get(), to.get(), layers.layers(), query.rules());
            if (path.isPresent()) {
                Map<Long, SongSummary> songs = new java.util.HashMap<>(layers.songs());
                songs.putAll(catalog.summaries(List.of(from.get().id(), to.get().id())));
                return Optional.of(new Found(model, path.get(), songs, perPoint, layers.indexNanos()));
            }
            if (perPoint >= MAX_PER_POINT) {
                throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "No path of exactly "
                        + query.steps() + " songs keeps max_per_artist=" + query.rules().maxPerArtist()
                        + " and duplicate_distance=" + query.rules().duplicateDistance() + " among the " + perPoint
                        + " songs nearest each point; ask for fewer steps, a larger max_per_artist, or"
                        + " fixed_size=false (a point whose candidates do not fit is left out).");
            }
        }
    }

    /** The song an end stands for in {@code model}'s space; empty when the model has no vector for it. */
    private Optional<PathSong> end(String model, PathEnd end, PathEnd other) {
        return switch (end) {
            case PathEnd.Song song -> candidates.song(model, song.id());
            case PathEnd.Mood mood -> moods.centroid(model, mood.name()).flatMap(centroid -> typical(model, centroid,
                    other instanceof PathEnd.Song song ? Set.of(song.id()) : Set.of()));
        };
    }

    /** The song strong in a mood nearest its centroid (not {@code excluded}, the other end). */
    private Optional<PathSong> typical(String model, MoodCentroid centroid, Set<Long> excluded) {
        return store.nearest(model, centroid.vector(), 1, new VectorFilter(centroid.songs(), excluded)).stream()
                .findFirst().flatMap(hit -> candidates.song(model, hit.songId()));
    }

    private static ValidationException same(String message) {
        return new ValidationException(Violation.of(message, "value_error", "query", "to"));
    }
}
