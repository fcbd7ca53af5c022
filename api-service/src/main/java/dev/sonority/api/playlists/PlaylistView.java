package dev.sonority.api.playlists;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One playlist with its songs in order ({@code GET /api/v1/playlists/{id}}).
 *
 * @param request the {@code from} request that made it; null for a hand-made playlist
 */
public record PlaylistView(long id, String name, String source, JsonNode request, int songCount, int removedSongs,
        Double durationSeconds, Instant createdAt, Instant updatedAt, List<PlaylistSongView> songs) {
}
