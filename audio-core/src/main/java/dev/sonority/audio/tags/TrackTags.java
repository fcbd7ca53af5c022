package dev.sonority.audio.tags;

import org.jspecify.annotations.Nullable;

/**
 * A track's tags and audio header. Every field is null when the file does not say; strings are trimmed and
 * never empty.
 *
 * @param year four-digit year from the date/year tag ("2009-04-23" gives 2009)
 * @param trackNumber track number ("3/12" gives 3); null when absent or 0
 * @param durationSeconds length in seconds as the header declares it
 * @param bitrate bits per second
 * @param format container or header format as the reader names it (e.g. "MPEG-1 Layer 3", "FLAC 16 bits",
 *     or FFmpeg's "ogg")
 * @param codec codec as the reader names it (e.g. "mp3", "FLAC", "AAC", or FFmpeg's "opus")
 * @param source which reader produced these values
 */
public record TrackTags(
        @Nullable String title,
        @Nullable String artist,
        @Nullable String album,
        @Nullable String albumArtist,
        @Nullable String genre,
        @Nullable Integer year,
        @Nullable Integer trackNumber,
        @Nullable Double durationSeconds,
        @Nullable Integer bitrate,
        @Nullable Integer sampleRate,
        @Nullable Integer channels,
        @Nullable String format,
        @Nullable String codec,
        TagSource source) {}
