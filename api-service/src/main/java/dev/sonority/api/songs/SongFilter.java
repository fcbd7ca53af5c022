package dev.sonority.api.songs;

import dev.sonority.model.analysis.AnalysisStatus;

/**
 * What {@code GET /api/v1/songs} selects.
 *
 * @param status songs with an analysis in this state (of {@link #model()} if given, else of any model);
 *     null for any
 * @param unanalysed songs with no analysis of {@link #model()} at all ({@code status=NONE})
 * @param model the model the status refers to; alone: songs with any analysis of it
 * @param failed songs with a FAILED analysis or a scan error (what {@code failed_songs} counts)
 * @param scanError true: only songs the scan could not read; false: only songs it could; null: both
 * @param includeMissing also songs whose file the last scan did not find
 */
record SongFilter(AnalysisStatus status, boolean unanalysed, String model, boolean failed, Boolean scanError,
        boolean includeMissing) {
}
