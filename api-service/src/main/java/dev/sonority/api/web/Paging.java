package dev.sonority.api.web;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code limit}/{@code offset} of a list endpoint, validated: limit 1..{@value #MAX_LIMIT}, offset >= 0.
 */
public record Paging(int limit, long offset) {

    public static final int MAX_LIMIT = 500;

    /** Validates the query parameters; null means "not given" and takes the default. */
    public static Paging of(Integer limit, Long offset, int defaultLimit) {
        List<Violation> violations = new ArrayList<>();
        int l = limit == null ? defaultLimit : limit;
        long o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            violations.add(Violation.of("Input should be between 1 and " + MAX_LIMIT, "range", "query", "limit"));
        }
        if (o < 0) {
            violations.add(Violation.of("Input should be greater than or equal to 0", "greater_than_equal",
                    "query", "offset"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Paging(l, o);
    }
}
