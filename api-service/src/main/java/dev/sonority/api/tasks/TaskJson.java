package dev.sonority.api.tasks;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON columns of a task ({@code details}, {@code parameters}). */
@Component
public class TaskJson {

    private final JsonMapper mapper;

    public TaskJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The column's JSON if it is an object, else null (absent, not an object, or unreadable). */
    public JsonNode object(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(json);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }
}
