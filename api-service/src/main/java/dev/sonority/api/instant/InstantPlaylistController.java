package dev.sonority.api.instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/playlists/instant}: a playlist from a sentence. */
@RestController
public class InstantPlaylistController {

    private final InstantPlaylists playlists;

    InstantPlaylistController(InstantPlaylists playlists) {
        this.playlists = playlists;
    }

    @Operation(summary = "A playlist from a sentence",
            description = "Understands the prompt with rules (tempo words and BPM, MusiCNN moods and synonyms, decades"
                    + " and years, the library's genres and artists, \"like SONG/ARTIST\"; the rest goes to text"
                    + " search) or, with LLM_PROVIDER set, lets a language model choose at most four searches."
                    + " Songs are deduplicated, capped per artist and ordered as a smooth walk; steps lists every"
                    + " search made.")
    @ApiResponse(responseCode = "200", description = "The playlist; an empty list with an explanation when nothing"
            + " matches")
    @ApiResponse(responseCode = "422", description = "Empty or blank prompt, prompt over 1000 characters, n or"
            + " max_per_artist outside 1-200")
    @PostMapping("/api/v1/playlists/instant")
    public InstantAnswer instant(@RequestBody InstantRequest request) {
        request.validate();
        return playlists.make(request);
    }
}
