/**
 * Music Player Daemon: a small client of MPD's text protocol (greeting, password, quoting, command lists, ACK
 * errors, timeouts), saving a stored playlist so that MPD's clients see the old one or the new one, and writing
 * {@code NAME.m3u} into MPD's playlist directory when there is no connection to MPD.
 */
package dev.sonority.api.mpd;
