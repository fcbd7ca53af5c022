package dev.sonority.api.discovery.path;

import dev.sonority.api.search.SearchResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/path}: a playlist from one song (or mood) to another in small steps. Errors are problem
 * details: 404 for an unknown song or no model with vectors of both ends, 422 for invalid parameters, for the
 * same song at both ends, and for a fixed-size path that cannot be filled.
 */
@RestController
public class PathController {

    private final PathFinder paths;
    private final PathRequests requests;

    PathController(PathFinder paths, PathRequests requests) {
        this.paths = paths;
        this.requests = requests;
    }

    @Operation(summary = "A song path: from one song (or the most typical song of a mood) to another, through"
            + " songs near evenly spaced points between them, chosen so the largest step is as small as possible,"
            + " then the whole path as short as possible")
    @GetMapping("/api/v1/path")
    public ResponseEntity<PathAnswer> path(
            @Parameter(description = "first song, its path as MPD names it (URL-encoded); or give from_mood")
            @RequestParam(required = false) String from,
            @Parameter(description = "last song; or give to_mood") @RequestParam(required = false) String to,
            @Parameter(description = "start at the song strong in this MusiCNN mood nearest the mood's centroid")
            @RequestParam(name = "from_mood", required = false) String fromMood,
            @Parameter(description = "end at the song strong in this mood nearest its centroid")
            @RequestParam(name = "to_mood", required = false) String toMood,
            @Parameter(description = "songs in the path, both ends included",
                    schema = @Schema(minimum = "2", maximum = "200", defaultValue = "25"))
            @RequestParam(required = false) Integer steps,
            @Parameter(description = "model to use; the fallback chain follows (X-Sonority-Model names the one"
                    + " that answered)") @RequestParam(required = false) String model,
            @Parameter(description = "at most this many songs by one artist, the end songs included",
                    schema = @Schema(minimum = "1", defaultValue = "3"))
            @RequestParam(name = "max_per_artist", required = false) Integer maxPerArtist,
            @Parameter(description = "true: exactly `steps` songs (422 if impossible); false: a point none of whose"
                    + " candidates fits is left out", schema = @Schema(defaultValue = "false"))
            @RequestParam(name = "fixed_size", required = false) Boolean fixedSize,
            @Parameter(description = "a step shorter than this angular distance (arccos(cos)/pi) is a near-duplicate"
                    + " of the song before and is not taken; 0 allows any",
                    schema = @Schema(minimum = "0", maximum = "1", defaultValue = "0.01"))
            @RequestParam(name = "duplicate_distance", required = false) Double duplicateDistance) {
        long start = System.nanoTime();
        PathQuery query = requests.query(from, to, fromMood, toMood, steps, model, maxPerArtist, fixedSize,
                duplicateDistance);
        PathFinder.Found found = paths.find(query);
        return SearchResponses.withModel(found.model(), found.indexNanos(), start, PathAnswer.of(found, query.steps()));
    }
}
