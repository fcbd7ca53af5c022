package dev.sonority.model;

import org.springframework.core.NestedExceptionUtils;

/** The message that names the real problem of a failure: its innermost cause's (Spring's most specific cause). */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause's message, or its type's simple name when it has none. */
    public static String message(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
