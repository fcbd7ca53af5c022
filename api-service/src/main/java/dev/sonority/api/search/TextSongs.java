package dev.sonority.api.search;

import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Songs matching a text query, with model fallback: the requested model, then the configured chain
 * (muq_mulan and clap embed the text with their text tower and search the songs' audio vectors; text_minilm
 * searches vectors of each song's metadata text). A model is skipped when no song has its vectors or when
 * inference-service cannot run it; inference-service being down is a 503. A model inference-service refused
 * is not asked again for {@code model-retry} (Sola MPD's every query would otherwise pay a round trip for a
 * text tower that is not installed).
 */
@Component
class TextSongs {

    /** No model could answer; {@code tried} says why each was skipped. */
    static final class NoTextModelException extends RuntimeException {
        NoTextModelException(List<String> tried) {
            super("No model can answer a text search: " + String.join("; ", tried)
                    + ". Analyze the library (POST /api/v1/batch/analyze/run) and install a text model"
                    + " (./sonority models pull text_minilm).");
        }
    }

    private final VectorStore store;
    private final NearestSongs nearest;
    private final QueryEmbedder inference;
    private final SearchProperties properties;
    private final java.util.Map<String, Long> refusedUntil = new java.util.concurrent.ConcurrentHashMap<>();

    TextSongs(VectorStore store, NearestSongs nearest, QueryEmbedder inference, SearchProperties properties) {
        this.store = store;
        this.nearest = nearest;
        this.inference = inference;
        this.properties = properties;
    }

    SearchAnswer find(String requested, String query, Set<Long> allowed, int want) {
        List<String> tried = new ArrayList<>();
        for (String model : SearchProperties.order(requested, properties.textModels())) {
            if (!store.ready(model)) {
                throw new VectorStoreUnavailableException("The " + model + " index is still loading");
            }
            if (store.size(model) == 0) {
                tried.add(model + ": no song has its vectors");
                continue;
            }
            Long until = refusedUntil.get(model);
            if (until != null && System.nanoTime() - until < 0) {
                tried.add(model + ": inference-service refused it moments ago");
                continue;
            }
            float[] vector;
            try {
                vector = inference.embedText(model, query);
            } catch (ModelUnavailableException e) {
                refusedUntil.put(model, System.nanoTime() + properties.modelRetry().toNanos());
                tried.add(model + ": " + e.getMessage());
                continue;
            }
            return nearest.find(model, vector, List.of(), allowed, want, SimilarOptions.PLAIN);
        }
        throw new NoTextModelException(tried);
    }
}
