/** {@code GET /api/v1/dead-letters}: messages that failed for good, newest first. */
package dev.sonority.api.deadletters;
