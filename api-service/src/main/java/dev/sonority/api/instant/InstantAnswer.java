package dev.sonority.api.instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The answer of {@code POST /api/v1/playlists/instant}. */
public record InstantAnswer(
        @Schema(description = "The playlist, in play order (a smooth walk from the best match)") List<Song> songs,
        @Schema(description = "A title for it") String title,
        @Schema(description = "How the prompt was understood, and why a list is short or empty") String explanation,
        @Schema(description = "Every search the answer made, in order") List<Step> steps,
        @Schema(description = "rules, or the language model's provider (openai, ollama)") String planner,
        @Schema(description = "The saved playlist's id when save was true, else null") Long playlistId) {

    /** A song of the playlist. */
    public record Song(String filePath, String title, String artist, String album, String genre) {
    }

    /**
     * One search: the tool, its arguments, how many songs it returned, the model that answered a vector search,
     * and why it returned nothing when it could not run.
     */
    public record Step(String tool, Map<String, Object> arguments, int songs,
            @JsonInclude(JsonInclude.Include.NON_NULL) String model,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }
}
