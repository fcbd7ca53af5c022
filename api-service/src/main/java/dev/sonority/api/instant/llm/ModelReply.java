package dev.sonority.api.instant.llm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The title and explanation in the model's last message. Only text for a person, never acted on: asked for as
 * JSON, taken leniently (the first {...} in the message; else the whole message is the explanation), control
 * characters removed and lengths capped.
 */
record ModelReply(String title, String explanation) {

    static final int MAX_TITLE = 100;
    static final int MAX_EXPLANATION = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ModelReply of(String message) {
        if (message == null || message.isBlank()) {
            return new ModelReply(null, null);
        }
        int open = message.indexOf('{');
        int close = message.lastIndexOf('}');
        if (open >= 0 && close > open) {
            try {
                JsonNode reply = JSON.readTree(message.substring(open, close + 1));
                return new ModelReply(text(reply.get("title"), MAX_TITLE), text(reply.get("explanation"), MAX_EXPLANATION));
            } catch (JacksonException e) {
                // not JSON after all: the message is the explanation
            }
        }
        return new ModelReply(null, clean(message, MAX_EXPLANATION));
    }

    private static String text(JsonNode node, int max) {
        return node != null && node.isString() ? clean(node.stringValue(), max) : null;
    }

    private static String clean(String text, int max) {
        String plain = text.replaceAll("[\\p{Cc}&&[^\\n]]", "").strip();
        if (plain.isEmpty()) {
            return null;
        }
        return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
    }
}
