/** Tests of the language-model side of instant playlists that need no server. */
package dev.sonority.api.instant.llm;
