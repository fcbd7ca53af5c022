/**
 * Playlists: saved lists of songs in order (hand-made, or the result of a discovery request through a
 * {@link dev.sonority.api.playlistsource.PlaylistSource}), their extended M3U, and sending them to MPD.
 */
package dev.sonority.api.playlists;
