package dev.sonority.model;

import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;

/**
 * What a failure really is: the message of its innermost cause (Spring's most specific cause), or the first
 * cause of a given type.
 */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause's message, or its type's simple name when it has none. */
    public static String message(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code failure} or the first of its causes that is a {@code type}; null when none is. */
    public static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
