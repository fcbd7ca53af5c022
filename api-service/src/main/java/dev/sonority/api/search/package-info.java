/**
 * Similar songs and text search: the Lainbow-compatible endpoints Sola MPD calls, Sonority's own search API,
 * model fallback, result filters and explanations. Reads vectors only through the {@code VectorStore} port.
 */
package dev.sonority.api.search;
