package dev.sonority.api.library;

import java.util.Map;

/**
 * The export file's layout, version 1 (docs/export.md). A zip whose entries are sections written as JSON lines
 * (deflated), and last a {@code manifest.json} naming the format, its version and each section's version, record
 * count and sha256. The manifest comes last because the checksums are known only once the sections are written;
 * a reader finds it through the zip's central directory, which a truncated file lacks.
 */
final class LibraryFormat {

    /** What {@code manifest.json}'s {@code format} says; any other value is not one of our files. */
    static final String FORMAT = "sonority-library-export";
    /** Raised when a change makes older readers misread a file; they refuse a newer one. */
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";

    static final String SONGS = "songs";
    static final String ACOUSTIC_STATISTICS = "acoustic_statistics";
    static final String PLAYLISTS = "playlists";

    /**
     * The sections this version writes and reads, with their versions. A later one (e.g. {@code schedules},
     * {@code interactions}) adds a name here; a reader skips sections it does not know, after checking their sum,
     * and refuses a known section of a newer version.
     */
    static final Map<String, Integer> SECTIONS = Map.of(SONGS, 1, ACOUSTIC_STATISTICS, 1, PLAYLISTS, 1);

    static String entryName(String section) {
        return section + ".jsonl";
    }

    private LibraryFormat() {
    }
}
