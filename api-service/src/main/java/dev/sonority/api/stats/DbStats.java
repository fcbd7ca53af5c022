package dev.sonority.api.stats;

/**
 * Lainbow's {@code DBStats} (the first eight fields, which Sola MPD reads) plus Sonority's additions.
 *
 * @param totalSongs songs whose file the last scan found (not missing)
 * @param songsWithAcousticFeatures songs whose {@code acoustic_features} analysis COMPLETED; likewise the others
 * @param pendingTasks top-level tasks waiting for a worker
 * @param runningTasks top-level tasks a worker is running
 * @param failedSongs songs with at least one FAILED analysis or a scan error
 */
public record DbStats(
        long totalSongs,
        long songsWithAcousticFeatures,
        long songsWithClap,
        long songsWithMert,
        long songsWithMuq,
        long songsWithMuqMulan,
        long pendingTasks,
        long runningTasks,
        long songsWithMusicnn,
        long failedSongs) {
}
