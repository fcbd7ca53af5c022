package dev.sonority.worker.scan;

/** What the database knows of a song a scan may find again. */
record KnownSong(long id, long size, long mtimeMicros, boolean missing) {

    boolean unchanged(LibraryFile file) {
        return size == file.size() && mtimeMicros == file.mtimeMicros();
    }
}
