package dev.sonority.api.search;

import dev.sonority.api.playlistsource.PlaylistSource;
import dev.sonority.api.playlistsource.SourceRequest;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.PathSpellings;
import dev.sonority.api.web.ValidationException;
import dev.sonority.contract.models.ModelName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The {@code similar} playlist source: {@code {"from": {"similar": {"song": PATH, ...}}}} saves what
 * {@code GET /api/v1/similar} answers, with the same parameters as JSON fields (same validation, same model
 * fallback), preceded by the seed songs unless {@code include_seeds} is false. {@code limit} defaults to 50.
 */
@Component
class SimilarPlaylistSource implements PlaylistSource {

    static final String NAME = "similar";
    static final int DEFAULT_LIMIT = 50;
    private static final List<String> FIELDS = List.of("song", "model", "limit", "include_seeds", "duplicate_distance",
            "max_per_artist", "exclude_album", "genre", "artist", "bpm_min", "bpm_max", "key", "scale", "moods");

    private final SongCatalog catalog;
    private final SimilarSongs similar;
    private final FilterQueries filters;

    SimilarPlaylistSource(SongCatalog catalog, SimilarSongs similar, FilterQueries filters) {
        this.catalog = catalog;
        this.similar = similar;
        this.filters = filters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(JsonNode json) {
        SourceRequest request = SourceRequest.of(NAME, json, FIELDS, "{\"song\": PATH}");
        List<String> songs = songs(request);
        try {
            String requested = QueryParameters.model(value(request, "model"), ModelName.apiNames(), null, "model");
            String rawLimit = value(request, "limit");
            int limit = rawLimit == null ? DEFAULT_LIMIT : QueryParameters.limit(rawLimit, DEFAULT_LIMIT);
            boolean includeSeeds = value(request, "include_seeds") == null
                    || QueryParameters.bool(value(request, "include_seeds"), "include_seeds");
            SimilarOptions options = SimilarRequests.options(name -> value(request, name));
            Set<Long> allowed = filters.allowed(SongFilters.of(name -> value(request, name)));
            List<Long> seeds = new ArrayList<>();
            for (String song : songs) {
                String path = song.startsWith("/") ? song.substring(1) : song;
                seeds.add(catalog.idOf(PathSpellings.of(path))
                        .orElseThrow(() -> ApiException.notFound("Song not found: " + song)));
            }
            SearchAnswer answer = similar.find(requested, seeds, allowed, limit, options)
                    .orElseThrow(() -> ApiException.notFound("No model has vectors of " + (seeds.size() == 1
                            ? "this song" : "all of these songs") + " (tried " + String.join(", ",
                            similar.order(requested)) + "): run analyze (POST /api/v1/batch/analyze/run)."));
            Set<Long> ordered = new LinkedHashSet<>(includeSeeds ? seeds : List.of());
            answer.results().forEach(r -> ordered.add(r.song().id()));
            return new Result(List.copyOf(ordered), answer.model());
        } catch (ValidationException e) {
            // the query-parameter parsers locate errors in the query; here they are fields of the body
            throw request.relocated(e);
        }
    }

    private static List<String> songs(SourceRequest request) {
        JsonNode song = request.json().get("song");
        if (song == null || song.isNull()) {
            throw request.invalid("Field required: the seed song's path, or a list of paths", "missing", "song");
        }
        List<String> songs = new ArrayList<>();
        if (song.isString()) {
            songs.add(song.stringValue());
        } else if (song.isArray()) {
            song.forEach(s -> songs.add(s.isString() ? s.stringValue() : null));
        }
        if (songs.isEmpty() || songs.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw request.invalid("Input should be a song path or a non-empty list of song paths", "value_error",
                    "song");
        }
        return songs;
    }

    /** A field as the query-parameter parsers read it; {@code moods} may also be a list. */
    private static String value(SourceRequest request, String field) {
        return field.equals("moods") ? request.joined(field) : request.text(field);
    }
}
