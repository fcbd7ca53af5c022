package dev.sonority.api.index;

import dev.sonority.api.web.ApiException;
import dev.sonority.contract.models.ModelName;
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
// a scanned controller: without this it would exist (and fail for want of EmbeddedIndexes) with VECTOR_STORE=qdrant
@dev.sonority.model.vector.store.ConditionalOnVectorStore(dev.sonority.model.vector.store.VectorStoreKind.EMBEDDED)
public class IndexController {

    /**
     * One model's index: {@code {"model":"clap","ready":true,"songs":1200,"dim":512,"bytes":2700000,
     * "vector_bytes":2457600}} ({@code bytes}: index files; {@code vector_bytes}: songs x dim x 4).
     */
    public record IndexView(String model, boolean ready, long songs, Integer dim, long bytes, long vectorBytes) {
    }

    private final EmbeddedIndexes indexes;
    private final IndexRefresher refresher;

    IndexController(EmbeddedIndexes indexes, IndexRefresher refresher) {
        this.indexes = indexes;
        this.refresher = refresher;
    }

    @GetMapping("/api/v1/index")
    public Map<String, List<IndexView>> list() {
        return Map.of("indexes", indexes.knownModels().stream().sorted().map(this::view).toList());
    }

    private IndexView view(String model) {
        return indexes.index(model).map(index -> new IndexView(model, indexes.ready(model), index.size(), index.dim(),
                        index.bytes(), (long) index.size() * index.dim() * Float.BYTES))
                .orElseGet(() -> new IndexView(model, indexes.ready(model), 0, null, 0, 0));
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
