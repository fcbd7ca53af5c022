package dev.sonority.api.search;

import dev.sonority.contract.models.ModelName;
import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Songs that sound like an uploaded clip: the requested model, then the similar-songs chain, limited to the
 * models inference-service embeds audio with (not {@code acoustic_features}, which is computed by the worker
 * and z-scored over the library, nor text-only models). A model is skipped when no song has its vectors or
 * when inference-service cannot run it.
 */
@Component
class ClipSongs {

    private final VectorStore store;
    private final NearestSongs nearest;
    private final AudioClipEmbedder embedder;
    private final SimilarSongs similar;

    ClipSongs(VectorStore store, NearestSongs nearest, AudioClipEmbedder embedder, SimilarSongs similar) {
        this.store = store;
        this.nearest = nearest;
        this.embedder = embedder;
        this.similar = similar;
    }

    SearchAnswer find(String requested, byte[] audio, Set<Long> allowed, int want, SimilarOptions options) {
        List<String> tried = new ArrayList<>();
        ClipTooShortException tooShort = null;
        try (AudioClipEmbedder.Clip clip = embedder.clip(audio)) {
            for (String model : similar.order(requested)) {
                if (!embeddable(model)) {
                    continue;
                }
                if (!store.ready(model)) {
                    throw new VectorStoreUnavailableException("The " + model + " index is still loading");
                }
                if (store.size(model) == 0) {
                    tried.add(model + ": no song has its vectors");
                    continue;
                }
                try {
                    return nearest.find(model, clip.embed(model), List.of(), allowed, want, options);
                } catch (ModelUnavailableException e) {
                    tried.add(model + ": " + e.getMessage());
                } catch (ClipTooShortException e) {
                    tried.add(model + ": " + e.detail());
                    tooShort = tooShort == null ? e : tooShort;
                }
            }
        }
        if (tooShort != null) {
            throw tooShort; // the first model that has vectors but needs a longer clip says how long
        }
        throw new dev.sonority.api.web.ApiException(org.springframework.http.HttpStatus.NOT_FOUND,
                "No model can embed the clip and search the library: " + String.join("; ", tried)
                        + ". Analyze the library with a deep model (POST /api/v1/batch/analyze/run).");
    }

    private static boolean embeddable(String model) {
        return ModelName.fromApiName(model).map(m -> m != ModelName.ACOUSTIC_FEATURES && m.analysesAudio())
                .orElse(false);
    }
}
