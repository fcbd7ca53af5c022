/** Lainbow's {@code GET /api/v1/stats}: library and task counts in one SQL round trip, briefly cached. */
package dev.sonority.api.stats;
