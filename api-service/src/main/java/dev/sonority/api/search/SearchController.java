package dev.sonority.api.search;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.Paging;
import dev.sonority.api.web.PathSpellings;
import dev.sonority.contract.models.ModelName;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sonority's own search API (RFC 9457 errors, {@code limit}/{@code offset}, the answering model in the body
 * and in {@code X-Sonority-Model}):
 * <ul>
 *   <li>{@code GET /api/v1/similar?song=PATH[&song=PATH...]}: songs like one song, or like the centroid of
 *       several, with the similar options and the field filters;</li>
 *   <li>{@code GET /api/v1/search?q=TEXT}: text search with the field filters;</li>
 *   <li>{@code POST /api/v1/similar/audio} with an audio file as the body: songs that sound like the clip.</li>
 * </ul>
 * Field filters: {@code genre}, {@code artist}, {@code bpm_min}, {@code bpm_max}, {@code key}, {@code scale},
 * {@code moods}. {@code offset + limit} is at most {@value QueryParameters#MAX_LIMIT}.
 */
@RestController
public class SearchController {

    private static final List<String> MODELS = ModelName.apiNames();

    private final SongCatalog catalog;
    private final SimilarSongs similar;
    private final TextSongs text;
    private final FilterQueries filters;
    private final Explainer explainer;
    private final ClipSongs clips;

    SearchController(SongCatalog catalog, SimilarSongs similar, TextSongs text, FilterQueries filters,
            Explainer explainer, ClipSongs clips) {
        this.catalog = catalog;
        this.similar = similar;
        this.text = text;
        this.filters = filters;
        this.explainer = explainer;
        this.clips = clips;
    }

    /** Largest clip accepted: a minute of lossless stereo audio at 48 kHz fits well. */
    static final int MAX_CLIP_BYTES = 32 * 1024 * 1024;

    @PostMapping("/api/v1/similar/audio")
    public ResponseEntity<SearchResponses.Page> similarToClip(@RequestParam(required = false) String model,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
            HttpServletRequest request) throws java.io.IOException {
        long start = System.nanoTime();
        String requested = QueryParameters.model(model, MODELS, null, "model");
        Paging paging = page(limit, offset);
        SimilarOptions options = SimilarRequests.options(request);
        Set<Long> allowed = filters.allowed(SongFilters.of(request));
        byte[] audio = request.getInputStream().readNBytes(MAX_CLIP_BYTES + 1);
        if (audio.length > MAX_CLIP_BYTES) {
            throw new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "The clip is larger than "
                    + MAX_CLIP_BYTES / (1024 * 1024) + " MB; send at most a minute of audio");
        }
        SearchAnswer answer = clips.find(requested, audio, allowed, (int) (paging.offset() + paging.limit()), options);
        return SearchResponses.withModel(answer, start, new SearchResponses.Page(answer.model(), requested,
                SearchResponses.songs(slice(answer.results(), paging), Map.of()), paging.limit(),
                (int) paging.offset()));
    }

    @GetMapping("/api/v1/similar")
    public ResponseEntity<SearchResponses.Page> similar(@RequestParam(required = false) String model,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
            HttpServletRequest request) {
        long start = System.nanoTime();
        // read raw: bound to a List, one value "a, b.flac" would be split at its comma into two songs
        String[] values = request.getParameterValues("song");
        List<String> songs = values == null ? List.of() : List.of(values);
        if (songs.isEmpty()) {
            throw QueryParameters.invalid("Field required: one or more song=PATH", "missing", "song");
        }
        String requested = QueryParameters.model(model, MODELS, null, "model");
        Paging paging = page(limit, offset);
        SimilarOptions options = SimilarRequests.options(request);
        List<Long> seeds = new ArrayList<>();
        for (String song : songs) {
            seeds.add(catalog.idOfPath(song).orElseThrow(() -> ApiException.notFound("Song not found: " + song)));
        }
        Set<Long> allowed = filters.allowed(SongFilters.of(request));
        int want = (int) (paging.offset() + paging.limit());
        SearchAnswer answer = similar.find(requested, seeds, allowed, want, options)
                .orElseThrow(() -> ApiException.notFound("No model has vectors of " + (seeds.size() == 1 ? "this song"
                        : "all of these songs") + " (tried " + String.join(", ", similar.order(requested))
                        + "): run analyze (POST /api/v1/batch/analyze/run)."));
        List<ScoredSong> page = slice(answer.results(), paging);
        Map<Long, Explanation> explanations = options.explain()
                ? explainer.explain(seeds.getFirst(), page.stream().map(r -> r.song().id()).toList()) : Map.of();
        return SearchResponses.withModel(answer, start, new SearchResponses.Page(answer.model(), requested,
                SearchResponses.songs(page, explanations), paging.limit(), (int) paging.offset()));
    }

    @GetMapping("/api/v1/search")
    public ResponseEntity<SearchResponses.Page> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String model, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset, HttpServletRequest request) {
        long start = System.nanoTime();
        String query = QueryParameters.query(q);
        String requested = QueryParameters.model(model, LainbowSearchController.MODELS, null, "model");
        Paging paging = page(limit, offset);
        Set<Long> allowed = filters.allowed(SongFilters.of(request));
        SearchAnswer answer = text.find(requested, query, allowed, (int) (paging.offset() + paging.limit()));
        return SearchResponses.withModel(answer, start, new SearchResponses.Page(answer.model(), requested,
                SearchResponses.songs(slice(answer.results(), paging), Map.of()), paging.limit(),
                (int) paging.offset()));
    }

    private static Paging page(Integer limit, Long offset) {
        Paging paging = Paging.of(limit, offset, 10);
        // compared as offset > MAX - limit: offset + limit overflows for an offset near Long.MAX_VALUE
        if (paging.offset() > QueryParameters.MAX_LIMIT - paging.limit()) {
            throw QueryParameters.invalid("offset + limit must be at most " + QueryParameters.MAX_LIMIT, "range",
                    "offset");
        }
        return paging;
    }

    private static List<ScoredSong> slice(List<ScoredSong> results, Paging paging) {
        int from = (int) Math.min(paging.offset(), results.size());
        return results.subList(from, Math.min(results.size(), from + paging.limit()));
    }
}
