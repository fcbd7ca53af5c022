/** Tests of the instant playlists' tools and the read-only song reader. */
package dev.sonority.api.instant.tools;
