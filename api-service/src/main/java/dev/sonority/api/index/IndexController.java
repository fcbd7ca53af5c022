package dev.sonority.api.index;

import dev.sonority.api.web.ApiException;
import dev.sonority.model.models.ModelName;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** State of the embedded indexes, and a rebuild from PostgreSQL on demand (Sonority's API, RFC 9457). */
@RestController
public class IndexController {

    /** One model's index: {@code {"model":"clap","ready":true,"songs":1200,"dim":512}}. */
    public record IndexView(String model, boolean ready, long songs, Integer dim) {
    }

    private final EmbeddedIndexes indexes;
    private final IndexRefresher refresher;

    IndexController(EmbeddedIndexes indexes, IndexRefresher refresher) {
        this.indexes = indexes;
        this.refresher = refresher;
    }

    @GetMapping("/api/v1/index")
    public Map<String, List<IndexView>> list() {
        return Map.of("indexes", indexes.knownModels().stream().sorted().map(model -> new IndexView(model,
                indexes.ready(model), indexes.index(model).map(LuceneModelIndex::size).orElse(0),
                indexes.index(model).map(LuceneModelIndex::dim).orElse(null))).toList());
    }

    /** 202: the rebuild runs in the background; the current index answers until the new one is done. */
    @PostMapping("/api/v1/index/{model}/rebuild")
    public ResponseEntity<Map<String, String>> rebuild(@PathVariable String model) {
        if (ModelName.fromApiName(model).isEmpty()) {
            throw ApiException.notFound("Unknown model '" + model + "'; valid models: "
                    + String.join(", ", ModelName.apiNames()));
        }
        refresher.rebuildSoon(model);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("model", model, "status", "rebuilding"));
    }
}
