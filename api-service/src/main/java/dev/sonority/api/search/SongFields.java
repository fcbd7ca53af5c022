package dev.sonority.api.search;

/**
 * The fields every song in an answer shows, in Lainbow's order: {@code file_path} (the MPD URI), {@code title},
 * {@code artist}, {@code album}, {@code genre} (null when unknown, always present). Answers add their own
 * fields after these ({@code score}, {@code distance_from_previous}, ...) by unwrapping this record.
 */
public record SongFields(String filePath, String title, String artist, String album, String genre) {

    public static SongFields of(SongSummary song) {
        return new SongFields(song.filePath(), song.title(), song.artist(), song.album(), song.genre());
    }
}
