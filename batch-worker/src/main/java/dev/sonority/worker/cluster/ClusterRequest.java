package dev.sonority.worker.cluster;

import dev.sonority.clustering.Method;
import dev.sonority.clustering.fitness.FitnessWeights;
import dev.sonority.clustering.playlists.PlaylistRules;
import dev.sonority.clustering.search.DoubleRange;
import dev.sonority.clustering.search.IntRange;
import dev.sonority.clustering.search.SearchSpace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CLUSTER task's parameters as the API stored them: the API checked every value it was given and chose the
 * model and seed; what was not given takes the engine's defaults here (the reference's: {@link
 * SearchSpace#defaults}, {@link PlaylistRules#DEFAULTS}, {@link FitnessWeights#DEFAULTS}, 1,000 runs of
 * 10,000-song samples), so the defaults live in one place.
 */
record ClusterRequest(String model, SearchSpace space, int runs, int sampleSize, FitnessWeights weights,
        PlaylistRules rules, long seed) {

    static final int RUNS = 1000;
    static final int SAMPLE_SIZE = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ClusterRequest parse(String parametersJson) {
        JsonNode p = JSON.readTree(parametersJson);
        Method method = p.hasNonNull("method") ? Method.of(p.get("method").asString()) : Method.KMEANS;
        SearchSpace d = SearchSpace.defaults(method);
        SearchSpace space = new SearchSpace(method, intRange(p, "clusters", d.clusters()),
                doubleRange(p, "eps", d.eps()), intRange(p, "min_samples", d.minSamples()),
                intRange(p, "pca_components", d.pcaComponents()));
        PlaylistRules r = PlaylistRules.DEFAULTS;
        FitnessWeights w = FitnessWeights.DEFAULTS;
        return new ClusterRequest(p.required("model").asString(), space, p.path("runs").asInt(RUNS),
                p.path("sample_size").asInt(SAMPLE_SIZE),
                new FitnessWeights(p.path("mood_diversity").asDouble(w.moodDiversity()),
                        p.path("mood_purity").asDouble(w.moodPurity())),
                new PlaylistRules(p.path("min_songs").asInt(r.minSongs()), p.path("max_songs").asInt(r.maxSongs()),
                        p.path("max_distance").asDouble(r.maxDistance()), p.path("top_n").asInt(r.topN())),
                p.required("seed").asLong());
    }

    /** The parameters as a JSON tree, for the playlists' request. */
    static JsonNode tree(String parametersJson) {
        return JSON.readTree(parametersJson);
    }

    private static IntRange intRange(JsonNode p, String name, IntRange fallback) {
        JsonNode r = p.path(name);
        return r.isObject() ? new IntRange(r.required("min").asInt(), r.required("max").asInt()) : fallback;
    }

    private static DoubleRange doubleRange(JsonNode p, String name, DoubleRange fallback) {
        JsonNode r = p.path(name);
        return r.isObject() ? new DoubleRange(r.required("min").asDouble(), r.required("max").asDouble()) : fallback;
    }
}
