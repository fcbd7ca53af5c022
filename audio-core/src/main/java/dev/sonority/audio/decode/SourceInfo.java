package dev.sonority.audio.decode;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the container and the chosen audio stream declare about a file.
 *
 * @param durationSeconds length in seconds as the container declares it (or as decoded, when the container
 *     declares none); 0 only when neither is known
 * @param format container short name as FFmpeg calls it, e.g. {@code mp3}, {@code flac}, {@code ogg},
 *     {@code m4a}, {@code wav}, {@code aiff}
 * @param codec audio codec name as FFmpeg calls it, e.g. {@code mp3}, {@code vorbis}, {@code aac}
 * @param sampleRate source sample rate in Hz
 * @param channels source channel count
 * @param bitrate overall bitrate in bits per second, null when unknown
 * @param containerTags container and audio-stream metadata, keys lower-cased ({@code title}, {@code artist},
 *     {@code album}, {@code album_artist}, {@code genre}, {@code date}, {@code track}, ...)
 */
public record SourceInfo(
        double durationSeconds,
        String format,
        String codec,
        int sampleRate,
        int channels,
        @Nullable Integer bitrate,
        Map<String, String> containerTags) {

    public SourceInfo {
        containerTags = Map.copyOf(containerTags);
    }

    /** The same information with another duration (used when only decoding reveals the length). */
    SourceInfo withDurationSeconds(double seconds) {
        return new SourceInfo(seconds, format, codec, sampleRate, channels, bitrate, containerTags);
    }
}
