package dev.sonority.api.discovery.path;

import dev.sonority.api.playlistsource.PlaylistSource;
import dev.sonority.api.playlistsource.SourceRequest;
import dev.sonority.api.search.QueryParameters;
import dev.sonority.api.web.ValidationException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The {@code path} playlist source: {@code {"from": {"path": {"from": PATH, "to": PATH, ...}}}} saves the songs
 * {@code GET /api/v1/path} answers for the same parameters (as JSON fields: {@code from}/{@code from_mood},
 * {@code to}/{@code to_mood}, {@code steps}, {@code model}, {@code max_per_artist}, {@code fixed_size},
 * {@code duplicate_distance}), with the same validation and model fallback.
 */
@Component
class PathPlaylistSource implements PlaylistSource {

    static final String NAME = "path";
    private static final List<String> FIELDS = List.of("from", "to", "from_mood", "to_mood", "steps", "model",
            "max_per_artist", "fixed_size", "duplicate_distance");

    private final PathRequests requests;
    private final PathFinder paths;

    PathPlaylistSource(PathRequests requests, PathFinder paths) {
        this.requests = requests;
        this.paths = paths;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(JsonNode json) {
        SourceRequest request = SourceRequest.of(NAME, json, FIELDS, "{\"from\": PATH, \"to\": PATH}");
        try {
            PathQuery query = requests.query(request.text("from"), request.text("to"), request.text("from_mood"),
                    request.text("to_mood"), integer(request, "steps"), request.text("model"),
                    integer(request, "max_per_artist"), bool(request, "fixed_size"),
                    number(request, "duplicate_distance"));
            PathFinder.Found found = paths.find(query);
            return new Result(found.path().songs().stream().map(PathSong::id).toList(), found.model());
        } catch (ValidationException e) {
            throw request.relocated(e);
        }
    }

    private static Integer integer(SourceRequest request, String field) {
        String text = request.text(field);
        return text == null ? null : QueryParameters.integer(text, field);
    }

    private static Boolean bool(SourceRequest request, String field) {
        String text = request.text(field);
        return text == null ? null : QueryParameters.bool(text, field);
    }

    private static Double number(SourceRequest request, String field) {
        String text = request.text(field);
        return text == null ? null : QueryParameters.number(text, field);
    }
}
