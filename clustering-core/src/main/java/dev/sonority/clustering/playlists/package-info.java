/** The best run's clusters made into playlists: filtered, trimmed, ranked, named and ordered. */
package dev.sonority.clustering.playlists;
