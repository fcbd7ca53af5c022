package dev.sonority.api.playlists;

import java.time.Instant;

/**
 * A playlist without its songs, as {@code GET /api/v1/playlists} lists it.
 *
 * @param source what made it: {@code manual}, or the discovery source ({@code similar}, {@code path}, ...)
 * @param removedSongs entries vacuum removed because their song left the library since the playlist was made
 * @param durationSeconds the songs' total duration, where known
 */
public record PlaylistSummary(long id, String name, String source, int songCount, int removedSongs,
        Double durationSeconds, Instant createdAt, Instant updatedAt) {
}
