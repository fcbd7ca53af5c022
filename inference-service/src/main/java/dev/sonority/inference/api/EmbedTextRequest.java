package dev.sonority.inference.api;

import java.util.List;

/** The body of POST /v1/embed/text. */
record EmbedTextRequest(String model, List<String> texts) {
}
