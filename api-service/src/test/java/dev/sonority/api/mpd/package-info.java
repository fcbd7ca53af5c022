/** Tests of the MPD protocol client and the stored-playlist swap against a real MPD started by the test. */
package dev.sonority.api.mpd;
