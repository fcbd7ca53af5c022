/** Reading a track's tags and header (title, artist, album, ...) with jaudiotagger, falling back to FFmpeg. */
@NullMarked
package dev.sonority.audio.tags;

import org.jspecify.annotations.NullMarked;
