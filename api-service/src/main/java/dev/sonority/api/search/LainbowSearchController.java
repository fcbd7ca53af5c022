package dev.sonority.api.search;

import dev.sonority.api.web.LainbowApi;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lainbow's {@code GET /api/v1/songs/search}: {@code q} (required, not blank), {@code model_name} (default
 * muq_mulan; clap and Sonority's text_minilm too), {@code limit} (default 10, at most 1000). Answers
 * {@code {"songs": [...]}} by score, the model that answered in {@code X-Sonority-Model}.
 */
@RestController
@LainbowApi
public class LainbowSearchController {

    static final List<String> MODELS = List.of("muq_mulan", "clap", "text_minilm");

    private final TextSongs text;

    LainbowSearchController(TextSongs text) {
        this.text = text;
    }

    @GetMapping("/api/v1/songs/search")
    public ResponseEntity<SearchResponses.Songs> search(@RequestParam(required = false) String q,
            @RequestParam(name = "model_name", required = false) String modelName,
            @RequestParam(required = false) String limit) {
        long start = System.nanoTime();
        String query = QueryParameters.query(q);
        String model = QueryParameters.model(modelName, MODELS, "muq_mulan", "model_name");
        int count = QueryParameters.limit(limit, 10);
        SearchAnswer answer = text.find(model, query, null, count);
        return SearchResponses.withModel(answer, start,
                new SearchResponses.Songs(SearchResponses.songs(answer.results(), Map.of())));
    }
}
