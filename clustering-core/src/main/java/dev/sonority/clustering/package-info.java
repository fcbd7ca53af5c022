/** The clustering playlists' engine (issue 14): what one library to cluster looks like, and its parts below. */
package dev.sonority.clustering;
