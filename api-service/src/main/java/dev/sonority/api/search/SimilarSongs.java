package dev.sonority.api.search;

import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Songs like one or several seed songs, with model fallback (docs/api.md, "Model fallback"): the requested
 * model, then the configured chain; the first model whose index has vectors of every seed answers. Several
 * seeds are searched by their centroid (the normalised mean of their unit vectors).
 */
@Component
class SimilarSongs {

    private final VectorStore store;
    private final NearestSongs nearest;
    private final ModelChain models;

    SimilarSongs(VectorStore store, NearestSongs nearest, ModelChain models) {
        this.store = store;
        this.nearest = nearest;
        this.models = models;
    }

    /** The models tried for {@code requested}, in order. */
    List<String> order(String requested) {
        return models.order(requested);
    }

    /**
     * Results, or empty when no model of the chain has a vector for every seed.
     *
     * @throws dev.sonority.model.vector.store.VectorStoreUnavailableException when an index that would be
     *     tried first is still loading
     */
    Optional<SearchAnswer> find(String requested, List<Long> seeds, Set<Long> allowed, int want,
            SimilarOptions options) {
        return models.first(requested, model -> centroid(model, seeds)
                .map(query -> nearest.find(model, query, seeds, allowed, want, options)));
    }

    private Optional<float[]> centroid(String model, List<Long> seeds) {
        List<float[]> vectors = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            Optional<float[]> vector = store.vector(model, seed);
            if (vector.isEmpty()) {
                return Optional.empty();
            }
            vectors.add(vector.get());
        }
        if (vectors.size() == 1) {
            return Optional.of(vectors.getFirst());
        }
        float[] mean = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        // seeds pointing in opposite directions cancel out: there is no meaningful "between" then
        return Vectors.norm(mean) < 1e-6 ? Optional.empty() : Optional.of(Vectors.normalizeInPlace(mean));
    }
}
