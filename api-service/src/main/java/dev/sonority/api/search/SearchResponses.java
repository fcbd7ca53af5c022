package dev.sonority.api.search;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Writes answers: Lainbow's {@code {"songs": [...]}} and Sonority's paged list, with {@code X-Sonority-Model}. */
final class SearchResponses {

    static final String MODEL_HEADER = "X-Sonority-Model";

    /** {@code {"songs": [...]}} exactly as Lainbow wraps them. */
    record Songs(List<SearchSong> songs) {
    }

    /** Sonority's: the model that answered, the one asked for, the page and its bounds. */
    record Page(String model, String requestedModel, List<SearchSong> songs, int limit, int offset) {
    }

    private SearchResponses() {
    }

    static List<SearchSong> songs(List<ScoredSong> results, Map<Long, Explanation> explanations) {
        return results.stream().map(r -> SearchSong.of(r.song(), r.score(), explanations.get(r.song().id())))
                .toList();
    }

    /**
     * 200 with the answering model and, as {@code Server-Timing: search;dur=MS}, the time the service spent
     * since {@code startNanos} (the bench reads it to measure latency inside the service).
     */
    static <T> ResponseEntity<T> withModel(String model, long startNanos, T body) {
        String millis = String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - startNanos) / 1e6);
        return ResponseEntity.ok().header(MODEL_HEADER, model).header("Server-Timing", "search;dur=" + millis)
                .body(body);
    }
}
