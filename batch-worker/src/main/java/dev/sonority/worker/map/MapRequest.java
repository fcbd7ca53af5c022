package dev.sonority.worker.map;

import dev.sonority.clustering.map.MapMethod;
import dev.sonority.worker.jobs.JobFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A MAP task's parameters as api-service stored them (defaults already applied there). */
record MapRequest(String model, MapMethod method, long seed) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MapRequest parse(String parametersJson) {
        JsonNode tree = JSON.readTree(parametersJson);
        if (!tree.hasNonNull("model") || !tree.hasNonNull("method") || !tree.hasNonNull("seed")) {
            throw new JobFailedException("A map task needs model, method and seed; got " + parametersJson);
        }
        MapMethod method = MapMethod.ofApiName(tree.get("method").asString())
                .orElseThrow(() -> new JobFailedException("Unknown map method " + tree.get("method")));
        return new MapRequest(tree.get("model").asString(), method, tree.get("seed").asLong());
    }
}
