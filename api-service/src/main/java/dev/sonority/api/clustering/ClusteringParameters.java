package dev.sonority.api.clustering;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a clustering request's body and makes the task's parameters of it: only the values given (the worker
 * fills the others with the engine's defaults, so they live in one place), plus the model and seed chosen here.
 * Every out-of-range value is a 422 violation naming its allowed range; unknown keys are refused, so a misspelt
 * parameter never silently runs with its default.
 */
final class ClusteringParameters {

    private static final Set<String> METHODS = Set.of("kmeans", "gmm", "dbscan", "spectral");

    private record IntLimit(String name, long min, long max) {
    }

    private static final List<IntLimit> INTS = List.of(new IntLimit("runs", 1, 10_000),
            new IntLimit("sample_size", 10, 1_000_000), new IntLimit("top_n", 1, 100),
            new IntLimit("min_songs", 2, 1_000), new IntLimit("max_songs", 2, 10_000));
    private static final Map<String, double[]> DOUBLES = Map.of("mood_diversity", new double[] {0, 100},
            "mood_purity", new double[] {0, 100}, "max_distance", new double[] {1e-9, 1_000});
    /** Quality-index weights: the engine's fitness has only the mood terms so far, so these must stay 0. */
    private static final List<String> UNSUPPORTED_WEIGHTS = List.of("silhouette", "davies_bouldin",
            "calinski_harabasz");
    private static final Map<String, long[]> INT_RANGES = Map.of("clusters", new long[] {2, 1_000},
            "min_samples", new long[] {1, 1_000}, "pca_components", new long[] {0, 199});
    private static final double[] EPS = {1e-6, 100};

    private ClusteringParameters() {
    }

    /**
     * @param modelsWithVectors the models that have search vectors, in the order a default is chosen from
     * @throws ValidationException for every bad value at once
     */
    static Map<String, Object> of(@Nullable JsonNode body, List<String> modelsWithVectors, List<String> defaultOrder) {
        JsonNode b = body == null || body.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : body;
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        if (!b.isObject()) {
            throw new ValidationException(Violation.of("The body must be a JSON object", "type_error.object",
                    "body"));
        }
        Set<String> known = new java.util.HashSet<>(List.of("model", "method", "eps", "seed"));
        INTS.forEach(l -> known.add(l.name()));
        known.addAll(DOUBLES.keySet());
        known.addAll(UNSUPPORTED_WEIGHTS);
        known.addAll(INT_RANGES.keySet());
        for (Iterator<String> names = b.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(Violation.of("Unknown parameter " + name + "; known: " + new java.util.TreeSet<>(known),
                        "value_error.unknown", "body", name));
            }
        }
        model(b.get("model"), modelsWithVectors, defaultOrder, out, violations);
        JsonNode method = b.get("method");
        if (method != null && !method.isNull()) {
            if (!method.isString() || !METHODS.contains(method.asString())) {
                violations.add(Violation.of("method must be one of kmeans, gmm, dbscan, spectral",
                        "value_error.method", "body", "method"));
            } else {
                out.put("method", method.asString());
            }
        }
        for (IntLimit limit : INTS) {
            JsonNode v = b.get(limit.name());
            if (v != null && !v.isNull()) {
                if (!v.isIntegralNumber() || v.asLong() < limit.min() || v.asLong() > limit.max()) {
                    violations.add(Violation.of(limit.name() + " must be an integer in the range " + limit.min()
                            + "–" + limit.max(), "value_error.range", "body", limit.name()));
                } else {
                    out.put(limit.name(), v.asLong());
                }
            }
        }
        for (Map.Entry<String, double[]> limit : DOUBLES.entrySet()) {
            JsonNode v = b.get(limit.getKey());
            if (v != null && !v.isNull()) {
                double[] r = limit.getValue();
                if (!v.isNumber() || v.asDouble() < r[0] || v.asDouble() > r[1]) {
                    violations.add(Violation.of(limit.getKey() + " must be a number in the range " + format(r[0])
                            + "–" + format(r[1]), "value_error.range", "body", limit.getKey()));
                } else {
                    out.put(limit.getKey(), v.asDouble());
                }
            }
        }
        for (String weight : UNSUPPORTED_WEIGHTS) {
            JsonNode v = b.get(weight);
            if (v != null && !v.isNull() && !(v.isNumber() && v.asDouble() == 0)) {
                violations.add(Violation.of(weight + " must be 0 (range 0–0): the fitness has only the mood terms so"
                        + " far", "value_error.range", "body", weight));
            }
        }
        for (Map.Entry<String, long[]> limit : INT_RANGES.entrySet()) {
            range(b, limit.getKey(), limit.getValue()[0], limit.getValue()[1], true, out, violations);
        }
        range(b, "eps", EPS[0], EPS[1], false, out, violations);
        if (out.get("min_songs") instanceof Long min && out.get("max_songs") instanceof Long max && min > max) {
            violations.add(Violation.of("max_songs must be at least min_songs (" + min + ")", "value_error.range",
                    "body", "max_songs"));
        }
        JsonNode seed = b.get("seed");
        if (seed != null && !seed.isNull() && !seed.isIntegralNumber()) {
            violations.add(Violation.of("seed must be an integer", "type_error.integer", "body", "seed"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        // a seed is always stored, so any run can be repeated exactly
        out.put("seed", seed == null || seed.isNull() ? ThreadLocalRandom.current().nextLong(1L << 48) : seed.asLong());
        return out;
    }

    private static void model(@Nullable JsonNode model, List<String> withVectors, List<String> defaultOrder,
            Map<String, Object> out, List<Violation> violations) {
        if (model == null || model.isNull()) {
            defaultOrder.stream().filter(withVectors::contains).findFirst().ifPresentOrElse(m -> out.put("model", m),
                    () -> violations.add(Violation.of("No model has vectors yet (" + String.join(", ", defaultOrder)
                            + " would be the default): analyse the library first; models with vectors: "
                            + withVectors, "value_error.model", "body", "model")));
        } else if (!model.isString() || !withVectors.contains(model.asString())) {
            violations.add(Violation.of("model " + model + " has no vectors; models with vectors: " + withVectors,
                    "value_error.model", "body", "model"));
        } else {
            out.put("model", model.asString());
        }
    }

    private static void range(JsonNode b, String name, double min, double max, boolean integral,
            Map<String, Object> out, List<Violation> violations) {
        JsonNode r = b.get(name);
        if (r == null || r.isNull()) {
            return;
        }
        String allowed = name + " must be {\"min\": a, \"max\": b} with " + format(min) + " ≤ a ≤ b ≤ " + format(max)
                + (integral ? ", integers" : "");
        JsonNode lo = r.get("min");
        JsonNode hi = r.get("max");
        boolean ok = r.isObject() && r.size() == 2 && lo != null && hi != null
                && (integral ? lo.isIntegralNumber() && hi.isIntegralNumber() : lo.isNumber() && hi.isNumber())
                && lo.asDouble() >= min && hi.asDouble() <= max && lo.asDouble() <= hi.asDouble();
        if (!ok) {
            violations.add(Violation.of(allowed, "value_error.range", "body", name));
        } else {
            out.put(name, integral ? Map.of("min", lo.asLong(), "max", hi.asLong())
                    : Map.of("min", lo.asDouble(), "max", hi.asDouble()));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
