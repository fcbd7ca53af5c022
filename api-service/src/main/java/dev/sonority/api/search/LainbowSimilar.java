package dev.sonority.api.search;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ErrorStyle;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Lainbow's {@code GET /api/v1/songs/{file_path}/similar}, called by the songs endpoint (which owns the
 * catch-all song path). Parameters {@code model_name} (default muq) and {@code limit} (default 10) as
 * Lainbow; {@code duplicate_distance}, {@code max_per_artist}, {@code exclude_album} and {@code explain} are
 * Sonority's options and off by default. An index still loading answers 503 with Retry-After
 * ({@link SearchExceptionHandler}).
 */
@Component
public class LainbowSimilar {

    static final List<String> MODELS = List.of("acoustic_features", "clap", "mert", "muq", "muq_mulan", "musicnn");

    private final SongCatalog catalog;
    private final SimilarSongs similar;
    private final Explainer explainer;

    LainbowSimilar(SongCatalog catalog, SimilarSongs similar, Explainer explainer) {
        this.catalog = catalog;
        this.similar = similar;
        this.explainer = explainer;
    }

    /** @param spellings the song path as given and its NFC/NFD spellings; empty when the path is not valid */
    public ResponseEntity<?> similar(List<String> spellings, HttpServletRequest request) {
        long start = System.nanoTime();
        ErrorStyle.declare(request, ErrorStyle.LAINBOW);
        String model = QueryParameters.model(request.getParameter("model_name"), MODELS, "muq", "model_name");
        int limit = QueryParameters.limit(request.getParameter("limit"), 10);
        SimilarOptions options = SimilarRequests.options(request);
        String notFound = "Vector for model '" + model + "' not found for this song.";
        long seed = (spellings.isEmpty() ? java.util.Optional.<Long>empty() : catalog.idOf(spellings))
                .orElseThrow(() -> ApiException.notFound(notFound));
        SearchAnswer answer = similar.find(model, List.of(seed), null, limit, options)
                .orElseThrow(() -> ApiException.notFound(notFound + " The song has not been analysed with any"
                        + " usable model (tried " + String.join(", ", similar.order(model))
                        + "): run analyze (POST /api/v1/batch/analyze/run)."));
        Map<Long, Explanation> explanations = options.explain()
                ? explainer.explain(seed, answer.results().stream().map(r -> r.song().id()).toList()) : Map.of();
        return SearchResponses.withModel(answer, start,
                new SearchResponses.Songs(SearchResponses.songs(answer.results(), explanations)));
    }
}
