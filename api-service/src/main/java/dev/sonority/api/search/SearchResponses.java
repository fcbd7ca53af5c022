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

    static <T> ResponseEntity<T> withModel(String model, T body) {
        return ResponseEntity.ok().header(MODEL_HEADER, model).body(body);
    }
}
