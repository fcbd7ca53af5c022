package dev.sonority.api.playlists;

import dev.sonority.api.playlistsource.PlaylistSource;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sonority's playlist endpoints (RFC 9457 errors): create one from song paths or from a discovery request, list,
 * read, rename or change the songs, delete, and download as extended M3U. Sending one to MPD:
 * {@link PlaylistExportController}.
 */
@RestController
@Tag(name = "Playlists", description = "Saved playlists: hand-made or from a discovery request; M3U; MPD")
public class PlaylistsController {

    /** {@code {"playlists": [...], "total": 12, "limit": 50, "offset": 0}}, newest first. */
    public record PlaylistList(List<PlaylistSummary> playlists, long total, int limit, long offset) {
    }

    static final String MODEL_HEADER = "X-Sonority-Model";
    static final MediaType M3U = new MediaType("audio", "x-mpegurl", StandardCharsets.UTF_8);

    private final PlaylistStore store;
    private final SongLookup songs;
    private final PlaylistSources sources;
    private final JsonMapper json;

    PlaylistsController(PlaylistStore store, SongLookup songs, PlaylistSources sources, JsonMapper json) {
        this.store = store;
        this.songs = songs;
        this.sources = sources;
        this.json = json;
    }

    @PostMapping("/api/v1/playlists")
    @Operation(summary = "Create a playlist",
            description = "Either from song paths in order (`source` manual), or from a discovery request saved with"
                    + " its result (`from`: one source, e.g. `similar`, with the parameters of its endpoint; the"
                    + " request is kept in `request`). 201 with the playlist and `Location`; 404 naming unknown"
                    + " songs; 422 for a bad body or an unknown source (naming the known ones).")
    public ResponseEntity<PlaylistView> create(@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "`name` (1-200 characters, no control characters) and either `songs` (song paths, at most"
                    + " 10000) or `from` (`{SOURCE: REQUEST}`; sources: `similar` takes `song` (a path or a list),"
                    + " `model`, `limit` (1-1000, default 50), `include_seeds` (default true), `duplicate_distance`,"
                    + " `max_per_artist`, `exclude_album` and the field filters of GET /api/v1/similar; `path` takes the"
                    + " query parameters of GET /api/v1/path as fields; `alchemy` takes the body of POST /api/v1/alchemy"
                    + " plus `model` (give `seed` to save a draw seen before))",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "songs", value = "{\"name\": \"Evening\", \"songs\": [\"Artist/Album/01 A.flac\","
                            + " \"Other/Record/02 B.mp3\"]}"),
                    @ExampleObject(name = "similar", value = "{\"name\": \"More like A\", \"from\": {\"similar\":"
                            + " {\"song\": \"Artist/Album/01 A.flac\", \"limit\": 30, \"max_per_artist\": 2}}}"),
                    @ExampleObject(name = "path", value = "{\"name\": \"A to B\", \"from\": {\"path\": {\"from\":"
                            + " \"Artist/Album/01 A.flac\", \"to\": \"Other/Record/02 B.mp3\", \"steps\": 20}}}"),
                    @ExampleObject(name = "alchemy", value = "{\"name\": \"A, not B\", \"from\": {\"alchemy\":"
                            + " {\"add\": [{\"song\": \"Artist/Album/01 A.flac\"}], \"subtract\": [{\"artist\":"
                            + " \"Other\"}], \"n\": 30, \"seed\": 42}}}")}))
            JsonNode body) {
        PlaylistBodies.Create create = PlaylistBodies.create(body);
        long id;
        String model = null;
        if (create.songs() != null) {
            id = store.create(create.name(), "manual", null, songs.ids(create.songs()));
        } else {
            PlaylistSource source = sources.get(create.source());
            PlaylistSource.Result result = source.run(create.request());
            model = result.model();
            id = store.create(create.name(), source.name(),
                    json.writeValueAsString(Map.of(source.name(), create.request())), result.songIds());
        }
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/playlists/" + id));
        if (model != null) {
            created.header(MODEL_HEADER, model);
        }
        return created.body(view(id));
    }

    @GetMapping("/api/v1/playlists")
    @Operation(summary = "List playlists", description = "Newest first, without their songs.")
    public PlaylistList list(
            @Parameter(description = "page size, 1-500 (default 50)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "playlists to skip (default 0)") @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        PlaylistStore.Slice slice = store.list(paging);
        return new PlaylistList(slice.playlists(), slice.total(), paging.limit(), paging.offset());
    }

    @GetMapping("/api/v1/playlists/{id}")
    @Operation(summary = "Read a playlist", description = "With its songs in order; 404 for an unknown id.")
    public PlaylistView get(@Parameter(description = "the playlist's id") @PathVariable long id) {
        return view(id);
    }

    @PutMapping("/api/v1/playlists/{id}")
    @Operation(summary = "Rename a playlist or change its songs",
            description = "`name` renames; `songs` (the full new list of song paths, in order) reorders, adds and"
                    + " removes; a field left out stays as it is. 404 for an unknown playlist or song.")
    public PlaylistView update(@Parameter(description = "the playlist's id") @PathVariable long id,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    description = "`name` and/or `songs`", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"name\": \"Late evening\", \"songs\":"
                            + " [\"Other/Record/02 B.mp3\", \"Artist/Album/01 A.flac\"]}")))
            JsonNode body) {
        PlaylistBodies.Update update = PlaylistBodies.update(body);
        List<Long> ids = update.songs() == null ? null : songs.ids(update.songs());
        if (!store.update(id, update.name(), ids)) {
            throw notFound(id);
        }
        return view(id);
    }

    @DeleteMapping("/api/v1/playlists/{id}")
    @Operation(summary = "Delete a playlist", description = "204; 404 for an unknown id. Songs stay in the library.")
    public ResponseEntity<Void> delete(@Parameter(description = "the playlist's id") @PathVariable long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/api/v1/playlists/{id}.m3u")
    @Operation(summary = "Download a playlist as extended M3U",
            description = "`#EXTM3U`, then `#EXTINF:<seconds>,<artist> - <title>` and the path relative to the"
                    + " music root per song; UTF-8, `audio/x-mpegurl`, as the attachment NAME.m3u. Songs whose"
                    + " file is gone are left out.")
    public ResponseEntity<byte[]> m3u(@Parameter(description = "the playlist's id") @PathVariable long id) {
        PlaylistStore.Header header = store.header(id).orElseThrow(() -> notFound(id));
        byte[] body = ExtendedM3u.write(store.songs(id)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(M3U)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(header.name()) + ".m3u", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private PlaylistView view(long id) {
        PlaylistStore.Header header = store.header(id).orElseThrow(() -> notFound(id));
        List<PlaylistSongView> list = store.songs(id);
        Double duration = list.stream().anyMatch(s -> s.durationSeconds() != null)
                ? list.stream().mapToDouble(s -> s.durationSeconds() == null ? 0 : s.durationSeconds()).sum() : null;
        JsonNode request = header.request() == null ? null : json.readTree(header.request());
        return new PlaylistView(header.id(), header.name(), header.source(), request, list.size(),
                header.removedSongs(), duration, header.createdAt(), header.updatedAt(), list);
    }

    /** A download's file name: the playlist name without path separators (a browser would cut at them). */
    private static String fileName(String name) {
        return name.replaceAll("[/\\\\\\p{Cntrl}]", "_");
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Playlist not found: " + id);
    }
}
