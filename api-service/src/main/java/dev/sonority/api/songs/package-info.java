/**
 * Songs as stored: {@code GET /api/v1/songs} (filter by analysis status and model, to see what failed and
 * why) and {@code GET /api/v1/songs/{file_path}}. {@link dev.sonority.api.songs.SongPath} is the one place
 * a song path from a URL is checked; every endpoint that takes one goes through it.
 */
package dev.sonority.api.songs;
