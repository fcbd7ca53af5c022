/** Tests of artist summaries, their distance, and the artist endpoints. */
package dev.sonority.api.discovery.artists;
