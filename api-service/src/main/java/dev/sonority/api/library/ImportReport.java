package dev.sonority.api.library;

import java.util.List;

/**
 * What an import did: {@code songs_imported}, songs of the file skipped because this library's file differs in
 * size or duration ({@code songs_skipped_changed}) or is not in this library ({@code songs_skipped_missing}),
 * playlists added, playlists skipped because one of the same name and source exists, and the models whose vectors
 * were written (their indexes are refreshed).
 */
record ImportReport(int formatVersion, long songsImported, long songsSkippedChanged, long songsSkippedMissing,
        long playlistsImported, long playlistsSkipped, List<String> models) {
}
