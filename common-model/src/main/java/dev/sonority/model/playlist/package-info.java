/** The playlist tables' writes shared by the services that save playlists. */
package dev.sonority.model.playlist;
