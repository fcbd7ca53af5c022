/** Tests of the playlist endpoints, their M3U and their export to a real MPD. */
package dev.sonority.api.playlists;
