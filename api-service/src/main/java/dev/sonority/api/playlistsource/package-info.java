/**
 * The extension point through which a discovery feature offers its results as playlists
 * ({@code POST /api/v1/playlists} with {@code from}); a package of its own so that the features implementing it
 * and the playlists package that calls it need not know each other.
 */
package dev.sonority.api.playlistsource;
