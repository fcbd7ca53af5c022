package dev.sonority.inference.api;

/** The answer of POST /v1/embed/text: one L2-normalised row per text, in order. */
record EmbedTextResponse(String model, String version, int dim, float[][] embeddings) {
}
