package dev.sonority.api.playlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sonority.api.mpd.MpdAckException;
import dev.sonority.api.mpd.MpdException;
import dev.sonority.api.mpd.MpdPlaylistDirectory;
import dev.sonority.api.mpd.MpdProperties;
import dev.sonority.api.mpd.MpdStoredPlaylists;
import dev.sonority.api.mpd.MpdUnknownSongException;
import dev.sonority.api.mpd.MpdUnreachableException;
import dev.sonority.api.mpd.QueueMode;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a playlist to MPD: over MPD's protocol when MPD_HOST is set, else as a file in MPD_PLAYLIST_DIR. MPD's
 * failures become the API's statuses: unreachable or a refused password 503 (naming MPD), a song MPD's database
 * lacks 409, any other refusal 502.
 */
@Component
class PlaylistExporter {

    /**
     * What was sent.
     *
     * @param target {@code mpd} (a stored playlist) or {@code file} (in MPD_PLAYLIST_DIR)
     * @param songs songs written
     * @param leftOut songs left out because their file is gone
     * @param queue the queue mode applied, or null
     * @param file the file written inside MPD_PLAYLIST_DIR (target {@code file} only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Exported(String target, String name, int songs, int leftOut, String queue, String file) {
    }

    private static final Logger log = LoggerFactory.getLogger(PlaylistExporter.class);

    private final PlaylistStore store;
    private final MpdProperties mpd;
    private final MpdStoredPlaylists storedPlaylists;
    private final MpdPlaylistDirectory directory;

    PlaylistExporter(PlaylistStore store, MpdProperties mpd, MpdStoredPlaylists storedPlaylists,
            MpdPlaylistDirectory directory) {
        this.store = store;
        this.mpd = mpd;
        this.storedPlaylists = storedPlaylists;
        this.directory = directory;
    }

    Exported export(long id, QueueMode queue) {
        PlaylistStore.Header header = store.header(id).orElseThrow(() -> PlaylistsController.notFound(id));
        if (!mpd.connects() && mpd.directory().isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "No MPD is configured: set MPD_HOST (and MPD_PORT,"
                    + " MPD_PASSWORD) to save playlists in MPD, or MPD_PLAYLIST_DIR to write them as NAME.m3u into"
                    + " MPD's playlist directory");
        }
        PlaylistName.checkExportable(id, header.name());
        List<PlaylistSongView> all = store.songs(id);
        List<PlaylistSongView> songs = ExtendedM3u.exportable(all);
        if (songs.isEmpty()) {
            throw new ValidationException(Violation.of("Playlist " + id + " has no songs to send to MPD"
                    + (all.isEmpty() ? "" : " (the files of all " + all.size() + " are gone)"), "value_error",
                    "path", "id"));
        }
        int leftOut = all.size() - songs.size();
        if (mpd.connects()) {
            try {
                storedPlaylists.save(header.name(), songs.stream().map(PlaylistSongView::filePath).toList(), queue);
            } catch (MpdException e) {
                throw failure(e);
            }
            return new Exported("mpd", header.name(), songs.size(), leftOut, queue == null ? null : queue.value(),
                    null);
        }
        if (queue != null) {
            throw new ValidationException(Violation.of("queue needs a connection to MPD (MPD_HOST); with only"
                    + " MPD_PLAYLIST_DIR set, the playlist can only be written as a file", "value_error", "query",
                    "queue"));
        }
        try {
            String file = directory.write(header.name(), ExtendedM3u.write(songs));
            return new Exported("file", header.name(), songs.size(), leftOut, null, file);
        } catch (MpdPlaylistDirectory.UnwritableException e) {
            log.warn("Playlist {} not written: {}", id, e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private static ApiException failure(MpdException e) {
        log.warn("Playlist not saved in MPD: {}", e.getMessage());
        return switch (e) {
            case MpdUnreachableException unreachable -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    unreachable.getMessage() + "; nothing was changed", e);
            case MpdAckException ack when ack.code() == MpdAckException.PASSWORD -> new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "MPD refused the password (MPD_PASSWORD); nothing was changed", e);
            case MpdAckException ack when ack.code() == MpdAckException.PERMISSION -> new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "MPD refused '" + ack.command() + "' without the right password:"
                    + " set MPD_PASSWORD; nothing was changed", e);
            case MpdUnknownSongException unknown -> new ApiException(HttpStatus.CONFLICT, unknown.getMessage()
                    + "; nothing was changed", e);
            default -> new ApiException(HttpStatus.BAD_GATEWAY, e.getMessage(), e);
        };
    }
}
