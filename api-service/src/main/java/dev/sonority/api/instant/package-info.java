/**
 * Instant playlists from a sentence ({@code POST /api/v1/playlists/instant}): rules by default, a language model
 * through tool calls when one is configured; the searches either chose are merged, deduplicated, capped per
 * artist, ordered as a smooth walk and optionally saved.
 */
package dev.sonority.api.instant;
