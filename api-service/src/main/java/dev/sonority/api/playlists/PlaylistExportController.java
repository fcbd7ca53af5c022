package dev.sonority.api.playlists;

import dev.sonority.api.mpd.QueueMode;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/playlists/{id}/mpd}: sends a playlist to MPD ({@link PlaylistExporter}). */
@RestController
@Tag(name = "Playlists")
public class PlaylistExportController {

    private final PlaylistExporter exporter;

    PlaylistExportController(PlaylistExporter exporter) {
        this.exporter = exporter;
    }

    @PostMapping("/api/v1/playlists/{id}/mpd")
    @Operation(summary = "Save a playlist in MPD",
            description = "With MPD_HOST set: saved as the MPD stored playlist of the same name, replacing one of that"
                    + " name so that MPD's clients see the old or the new one, never a part. Without MPD_HOST but"
                    + " with MPD_PLAYLIST_DIR: written there as NAME.m3u (temporary file, then renamed). Songs whose"
                    + " file is gone are left out. 404 unknown playlist; 422 for a name with /, \\, '..' or a"
                    + " control character, an empty playlist, or `queue` without MPD_HOST; 409 when MPD's database"
                    + " lacks a song (update MPD); 503 when MPD is unreachable or refuses the password (nothing"
                    + " changed) or neither MPD_HOST nor MPD_PLAYLIST_DIR is set; 502 when MPD refuses a command.")
    public PlaylistExporter.Exported export(@Parameter(description = "the playlist's id") @PathVariable long id,
            @Parameter(description = "also put it in MPD's play queue: `append` (after what is queued) or `replace`"
                    + " (the queue becomes exactly this playlist; playback is not started)")
            @RequestParam(required = false) String queue) {
        QueueMode mode = queue == null ? null : QueueMode.parse(queue).orElseThrow(() -> new ValidationException(
                Violation.of("Input should be 'append' or 'replace'", "enum", "query", "queue")));
        return exporter.export(id, mode);
    }
}
