/**
 * The searches an instant playlist is made of, whoever chose them (the rules or a language model): text search,
 * songs like named songs or artists, a metadata query, an artist lookup. Arguments are values only; metadata
 * queries are parameterised SQL run as the read-only song reader.
 */
package dev.sonority.api.instant.tools;
