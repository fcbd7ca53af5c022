package dev.sonority.api.map;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.clustering.map.MapMethod;
import dev.sonority.contract.models.ModelName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks POST /api/v1/map/run's body and fills in the defaults; every problem is one 422 violation. */
final class MapParameters {

    /** The default model: the first of these with vectors, so a map works with no model download. */
    static final List<String> DEFAULT_MODELS = List.of(ModelName.MUSICNN.apiName(),
            ModelName.ACOUSTIC_FEATURES.apiName());
    private static final Set<String> FIELDS = Set.of("model", "method", "seed");

    private MapParameters() {
    }

    static Map<String, Object> of(@Nullable JsonNode body, Predicate<String> hasVectors) {
        List<Violation> violations = new ArrayList<>();
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new ValidationException(Violation.of("The body must be a JSON object", "type_error.dict", "body"));
        }
        if (body != null && body.isObject()) {
            for (String name : body.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    violations.add(Violation.of("Unknown parameter " + name + "; known: model, method, seed",
                            "value_error.extra", "body", name));
                }
            }
        }
        JsonNode modelNode = field(body, "model");
        String model = null;
        if (modelNode != null && !modelNode.isString()) {
            violations.add(Violation.of("model must be one of " + ModelName.apiNames(), "value_error.enum", "body",
                    "model"));
        } else {
            model = model(modelNode == null ? null : modelNode.asString(), hasVectors, violations, "body", "model");
        }
        JsonNode methodNode = field(body, "method");
        MapMethod method = MapMethod.UMAP;
        if (methodNode != null) {
            method = methodNode.isString() ? MapMethod.ofApiName(methodNode.asString()).orElse(null) : null;
            if (method == null) {
                violations.add(Violation.of("method must be umap or pca", "value_error.enum", "body", "method"));
            }
        }
        JsonNode seedNode = field(body, "seed");
        long seed = ThreadLocalRandom.current().nextLong(0, 1L << 31);
        if (seedNode != null) {
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
                violations.add(Violation.of("seed must be an integer", "type_error.integer", "body", "seed"));
            } else {
                seed = seedNode.asLong();
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", model);
        parameters.put("method", method.apiName());
        parameters.put("seed", seed);
        return parameters;
    }

    /** A known model with vectors, or the default when none is named; null after adding a violation at loc. */
    static @Nullable String model(@Nullable String name, Predicate<String> hasVectors, List<Violation> violations,
            Object... loc) {
        if (name == null) {
            return DEFAULT_MODELS.stream().filter(hasVectors).findFirst().orElseGet(() -> {
                violations.add(Violation.of("No model has vectors yet: analyze the library first",
                        "value_error.missing", loc));
                return null;
            });
        }
        if (ModelName.fromApiName(name).isEmpty()) {
            violations.add(Violation.of("model must be one of " + ModelName.apiNames(), "value_error.enum", loc));
            return null;
        }
        if (!hasVectors.test(name)) {
            violations.add(Violation.of("Model " + name + " has no vectors: analyze the library with it first",
                    "value_error.missing", loc));
            return null;
        }
        return name;
    }

    private static @Nullable JsonNode field(@Nullable JsonNode body, String name) {
        return body == null || !body.isObject() || body.get(name) == null || body.get(name).isNull() ? null
                : body.get(name);
    }
}
