/** Tests of instant playlists: rules, a scripted language model, the read-only reader, the quality table. */
package dev.sonority.api.instant;
