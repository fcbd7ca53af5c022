package dev.sonority.worker.scan;

import dev.sonority.audio.tags.TrackTags;
import org.jspecify.annotations.Nullable;

/**
 * A file as a scan records it: its tags and header, or why it could not be read.
 *
 * @param tags null when the file could not be read; then {@code error} says why
 */
record ScannedSong(LibraryFile file, @Nullable TrackTags tags, @Nullable String error) {

    static ScannedSong read(LibraryFile file, TrackTags tags) {
        return new ScannedSong(file, tags, null);
    }

    static ScannedSong unreadable(LibraryFile file, String error) {
        return new ScannedSong(file, null, error);
    }

    String tagSource() {
        return tags == null ? "NONE" : tags.source().name(); // the schema's word for "no reader could"
    }
}
