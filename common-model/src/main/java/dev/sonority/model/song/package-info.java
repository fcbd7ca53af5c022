/** Songs of the music library, identified by their path relative to the music root. */
package dev.sonority.model.song;
