package dev.sonority.api.search;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.UnaryOperator;

/** Reads the {@link SimilarOptions} query parameters shared by the Lainbow and Sonority similar endpoints. */
final class SimilarRequests {

    private SimilarRequests() {
    }

    static SimilarOptions options(HttpServletRequest request) {
        return options(request::getParameter);
    }

    /** The options from named values (query parameters, or the fields of a JSON request); null: not given. */
    static SimilarOptions options(UnaryOperator<String> parameter) {
        String distance = parameter.apply("duplicate_distance");
        double duplicateDistance = distance == null ? 0 : QueryParameters.number(distance, "duplicate_distance");
        if (duplicateDistance < 0 || duplicateDistance > 2) {
            throw QueryParameters.invalid("Input should be between 0 and 2 (cosine distance)", "range",
                    "duplicate_distance");
        }
        String cap = parameter.apply("max_per_artist");
        Integer maxPerArtist = cap == null ? null : QueryParameters.integer(cap, "max_per_artist");
        if (maxPerArtist != null && maxPerArtist < 1) {
            throw QueryParameters.invalid("Input should be greater than 0", "greater_than", "max_per_artist");
        }
        return new SimilarOptions(duplicateDistance, maxPerArtist,
                QueryParameters.bool(parameter.apply("exclude_album"), "exclude_album"),
                QueryParameters.bool(parameter.apply("explain"), "explain"), walk(parameter.apply("order")));
    }

    /** {@code order}: {@code score} (the default, best first) or {@code walk} (a smooth sequence from the seed). */
    private static boolean walk(String order) {
        if (order == null || order.equals("score")) {
            return false;
        }
        if (order.equals("walk")) {
            return true;
        }
        throw QueryParameters.invalid("Input should be 'score' or 'walk'", "enum", "order");
    }
}
