package dev.sonority.api.playlistsource;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A discovery request whose result can be saved as a playlist: {@code POST /api/v1/playlists} with
 * {@code {"name": ..., "from": {NAME: REQUEST}}} runs the source called NAME on REQUEST and saves the songs it
 * answers, in order, with {@code source} = NAME and the {@code from} object as the playlist's {@code request}.
 *
 * <p>A feature adds a source by declaring a bean that implements this; names are unique. The song path, alchemy
 * and similar searches are sources.
 */
public interface PlaylistSource {

    /** The key under {@code from}, and the playlist's {@code source}: lower case, e.g. {@code similar}. */
    String name();

    /**
     * Runs the request.
     *
     * @param request the value under {@code from.NAME}, as sent
     * @return the songs in play order (each at most once) and the model that answered, if any
     * @throws dev.sonority.api.web.ValidationException 422 for invalid parameters, located at
     *     {@code ["body", "from", NAME, FIELD]}
     * @throws dev.sonority.api.web.ApiException for anything else the source's own endpoint would answer (404 for
     *     an unknown song, ...)
     */
    Result run(JsonNode request);

    /**
     * @param songIds the songs, in order
     * @param model the model that answered (sent as {@code X-Sonority-Model}), or null
     */
    record Result(List<Long> songIds, String model) {
        public Result {
            songIds = List.copyOf(songIds);
        }
    }
}
