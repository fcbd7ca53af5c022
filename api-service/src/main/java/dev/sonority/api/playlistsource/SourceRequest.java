package dev.sonority.api.playlistsource;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The request under {@code from.NAME} of a playlist body, read as the source's endpoint reads its query
 * parameters: each field as text, so the endpoint's own parsers (and their messages) apply. Errors are located in
 * the body: {@code ["body", "from", NAME, FIELD]}.
 */
public final class SourceRequest {

    private final String source;
    private final JsonNode request;

    private SourceRequest(String source, JsonNode request) {
        this.source = source;
        this.request = request;
    }

    /**
     * @param example how the request looks, for the message when it is not an object
     * @throws ValidationException 422 when the request is not an object or has a field not in {@code fields}
     */
    public static SourceRequest of(String source, JsonNode request, List<String> fields, String example) {
        SourceRequest read = new SourceRequest(source, request);
        if (request == null || !request.isObject()) {
            throw read.invalid("The " + source + " request must be an object such as " + example,
                    "model_attributes_type");
        }
        for (String field : request.propertyNames()) {
            if (!fields.contains(field)) {
                throw read.invalid("Unknown field '" + field + "'; allowed: " + String.join(", ", fields), "extra_forbidden", field);
            }
        }
        return read;
    }

    /** The request as sent. */
    public JsonNode json() {
        return request;
    }

    /** A field as a query parameter would carry it: text, or a number or boolean as written; null when absent. */
    public String text(String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid("Input should be a single value", "value_error", field);
        }
        return value.asString();
    }

    /** A field that is one text or a list of texts, joined by commas as the query parameter has it. */
    public String joined(String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isArray()) {
            return text(field);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw invalid("Input should be a list of texts", "value_error", field);
            }
            items.add(item.stringValue());
        }
        return String.join(",", items);
    }

    /** A 422 located at a field of this request. */
    public ValidationException invalid(String message, String type, Object... field) {
        List<Object> loc = new ArrayList<>(List.of("body", "from", source));
        loc.addAll(List.of(field));
        return new ValidationException(new Violation(loc, message, type));
    }

    /**
     * The endpoint's violations, located in this request: a query parameter becomes the field of that name, a
     * place in the endpoint's body the same place under {@code from.NAME}.
     */
    public ValidationException relocated(ValidationException e) {
        List<Object> here = List.of("body", "from", source);
        return new ValidationException(e.violations().stream().map(v -> {
            if (v.loc().size() >= here.size() && v.loc().subList(0, here.size()).equals(here)) {
                return v; // located here already (by this class)
            }
            List<Object> loc = new ArrayList<>(here);
            boolean inBody = !v.loc().isEmpty() && "body".equals(v.loc().getFirst());
            loc.addAll(inBody ? v.loc().subList(1, v.loc().size()) : v.loc().isEmpty() ? List.of() : List.of(v.loc().getLast()));
            return new Violation(loc, v.msg(), v.type());
        }).toList());
    }
}
