package dev.sonority.api.discovery.artists;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sonority.api.search.ModelChain;
import dev.sonority.api.search.QueryParameters;
import dev.sonority.api.search.Rounding;
import dev.sonority.api.search.SearchResponses;
import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.search.SongFields;
import dev.sonority.api.search.SongSummary;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.Paging;
import dev.sonority.contract.models.ModelName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library's artists ({@code album_artist} when set, else {@code artist}; names matched ignoring case and
 * Unicode form): the list, one artist's songs, and the artists most like one. A name with a {@code /} is sent
 * with {@code %2F}. Unknown artist: 404.
 */
@RestController
public class ArtistsController {

    /** {@code {"artists": [...], "total", "limit", "offset"}}. */
    public record ArtistList(List<ArtistView> artists, long total, int limit, long offset) {
    }

    public record ArtistView(String name, int songCount) {
    }

    /** One artist's songs, paged. */
    public record ArtistSongs(String artist, List<SongFields> songs, long total, int limit, long offset) {
    }

    /**
     * @param components how many parts the artist's summary has (1: its centroid; more: a Gaussian mixture)
     */
    public record SimilarArtistList(String model, String artist, int components, List<SimilarArtist> artists) {
    }

    /** @param distance the soft Chamfer distance between the two artists' summaries (angular, 0..1) */
    public record SimilarArtist(@JsonUnwrapped ArtistView artist, double distance, int components) {
    }

    static final int MAX_SIMILAR = 100;

    private final ArtistDirectory directory;
    private final SimilarArtists similar;
    private final SongCatalog catalog;
    private final ModelChain models;

    ArtistsController(ArtistDirectory directory, SimilarArtists similar, SongCatalog catalog, ModelChain models) {
        this.directory = directory;
        this.similar = similar;
        this.catalog = catalog;
        this.models = models;
    }

    @Operation(summary = "The library's artists with their song counts, by name")
    @GetMapping("/api/v1/artists")
    public ArtistList artists(
            @Parameter(description = "only artists whose name starts with this (case and accents as typed are"
                    + " matched ignoring case and Unicode form)") @RequestParam(required = false) String q,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
            @RequestParam(required = false) Integer limit,
            @Parameter(schema = @Schema(minimum = "0", defaultValue = "0")) @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        List<Artist> artists = directory.list(q);
        return new ArtistList(page(artists, paging).stream().map(ArtistsController::view).toList(), artists.size(),
                paging.limit(), paging.offset());
    }

    @Operation(summary = "One artist's songs, in path order")
    @GetMapping("/api/v1/artists/{name}/songs")
    public ArtistSongs songs(@Parameter(description = "the artist's name, URL-encoded") @PathVariable String name,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
            @RequestParam(required = false) Integer limit,
            @Parameter(schema = @Schema(minimum = "0", defaultValue = "0")) @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        Artist artist = artist(name);
        List<Long> ids = page(artist.songs(), paging);
        Map<Long, SongSummary> songs = catalog.summaries(ids);
        return new ArtistSongs(artist.name(), ids.stream().filter(songs::containsKey)
                .map(id -> SongFields.of(songs.get(id))).toList(), artist.songs().size(), paging.limit(), paging.offset());
    }

    @Operation(summary = "Artists like an artist, ranked by the distance between their songs' distributions"
            + " (centroid, or Gaussian mixture components when an artist has many songs)")
    @GetMapping("/api/v1/artists/{name}/similar")
    public ResponseEntity<SimilarArtistList> similar(@Parameter(description = "the artist's name, URL-encoded")
            @PathVariable String name,
            @Parameter(description = "model to use; the fallback chain follows") @RequestParam(required = false) String model,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "10"))
            @RequestParam(required = false) Integer limit) {
        long start = System.nanoTime();
        String requested = QueryParameters.model(model, ModelName.apiNames(), null, "model");
        int count = limit == null ? 10 : limit;
        if (count < 1 || count > MAX_SIMILAR) {
            throw QueryParameters.invalid("Input should be between 1 and " + MAX_SIMILAR, "range", "limit");
        }
        Artist artist = artist(name);
        SimilarArtists.Answer answer = similar.find(requested, artist, count).orElseThrow(() -> ApiException.notFound(
                "No model has vectors of " + artist.name() + "'s songs (" + models.tried(requested)
                        + "): run analyze (POST /api/v1/batch/analyze/run)."));
        List<SimilarArtist> artists = answer.artists().stream().map(r -> new SimilarArtist(view(r.artist()),
                Rounding.six(r.distance()), r.summary().components().size())).toList();
        return SearchResponses.withModel(answer.model(), 0, start, new SimilarArtistList(answer.model(), artist.name(),
                answer.summary().components().size(), artists));
    }

    private Artist artist(String name) {
        return directory.find(name).orElseThrow(() -> ApiException.notFound("Artist not found: " + name));
    }

    private static ArtistView view(Artist artist) {
        return new ArtistView(artist.name(), artist.songs().size());
    }

    private static <T> List<T> page(List<T> all, Paging paging) {
        int from = (int) Math.min(paging.offset(), all.size());
        return all.subList(from, Math.min(all.size(), from + paging.limit()));
    }
}
