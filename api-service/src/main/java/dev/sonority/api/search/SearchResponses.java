package dev.sonority.api.search;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Writes answers: Lainbow's {@code {"songs": [...]}} and Sonority's paged list, with {@code X-Sonority-Model}. */
public final class SearchResponses {

    public static final String MODEL_HEADER = "X-Sonority-Model";

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
     * 200 with the answering model and {@code Server-Timing: index;dur=MS, search;dur=MS}: the time in the
     * vector index and the whole time the service spent since {@code startNanos} (read by the bench).
     */
    static <T> ResponseEntity<T> withModel(SearchAnswer answer, long startNanos, T body) {
        return withModel(answer.model(), answer.indexNanos(), startNanos, body);
    }

    /** 200 with {@code model} in {@code X-Sonority-Model} and the timings, as {@link #withModel(SearchAnswer, long, Object)}. */
    public static <T> ResponseEntity<T> withModel(String model, long indexNanos, long startNanos, T body) {
        // plain concatenation: String.format was a measurable part of a similar request's CPU (bench search)
        String timing = "index;dur=" + millis(indexNanos) + ", search;dur=" + millis(System.nanoTime() - startNanos);
        return ResponseEntity.ok().header(MODEL_HEADER, model).header("Server-Timing", timing).body(body);
    }

    /** Milliseconds with three decimals, e.g. {@code 1.052}. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        long fraction = micros % 1_000;
        return micros / 1_000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
