package dev.sonority.web;

import java.io.IOException;

/**
 * A request body went past its cap while being read. An {@link IOException}, because it is thrown from the body's
 * stream; handlers find it in a cause chain with {@link #in(Throwable)} and answer 413.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** This exception if {@code failure} or one of its causes is one, else null. */
    public static RequestBodyTooLargeException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
