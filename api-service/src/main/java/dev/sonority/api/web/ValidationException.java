package dev.sonority.api.web;

import java.util.List;

/** The request is well-formed HTTP but its parameters or body are invalid: 422 with the violations. */
public class ValidationException extends RuntimeException {

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.isEmpty() ? "Invalid request" : violations.getFirst().msg());
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
