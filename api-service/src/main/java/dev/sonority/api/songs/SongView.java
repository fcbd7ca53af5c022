package dev.sonority.api.songs;

import java.time.Instant;
import java.util.Map;

/**
 * A song as Sonority's songs endpoints show it: its id ({@code file_path}), tags, stream properties, why
 * the scan could not read it, and its analysis per model (keyed by model name, only models requested).
 */
public record SongView(
        String filePath,
        String title,
        String artist,
        String album,
        String albumArtist,
        String genre,
        Integer year,
        Integer trackNumber,
        Double durationSeconds,
        String format,
        String codec,
        Integer sampleRate,
        Integer channels,
        Integer bitrate,
        long fileSize,
        String tagSource,
        String scanError,
        Instant missingSince,
        Instant addedAt,
        Instant updatedAt,
        Map<String, AnalysisView> analysis) {

    SongView withAnalysis(Map<String, AnalysisView> byModel) {
        return new SongView(filePath, title, artist, album, albumArtist, genre, year, trackNumber, durationSeconds,
                format, codec, sampleRate, channels, bitrate, fileSize, tagSource, scanError, missingSince, addedAt,
                updatedAt, byModel);
    }
}
