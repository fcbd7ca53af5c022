package dev.sonority.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON body, said without Jackson's own message: that names the Java type it was bound to
 * ({@code dev.sonority.api.tasks.AnalyzeRequest}), which is nobody's business outside the service.
 */
public final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    /** A client-facing sentence for the JSON failure among {@code failure}'s causes. */
    public static String describe(Throwable failure) {
        JacksonException json = find(failure);
        if (json == null) {
            return "the body could not be read as JSON";
        }
        String field = json.getPath().isEmpty() ? "" : json.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = field.isEmpty() ? "" : " at '" + field + "'";
        if (json instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (json instanceof MismatchedInputException) {
            return "a value of the wrong type" + (where.isEmpty() ? " (the body must be a JSON object)" : where);
        }
        if (json instanceof StreamReadException) {
            TokenStreamLocation location = json.getLocation();
            return "malformed JSON" + (location == null || location.getLineNr() < 0 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
        }
        return "the body does not match what the endpoint takes" + where;
    }

    private static JacksonException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }
}
