package dev.sonority.worker.scan;

import java.nio.file.Path;

/**
 * An audio file found under the music root.
 *
 * @param path the song id: relative to the root, forward slashes, as found on disk
 * @param file where to read it
 * @param size bytes
 * @param mtimeMicros last modification in microseconds since the epoch (PostgreSQL's timestamp precision,
 *     so a value read back from the database compares equal)
 */
public record LibraryFile(String path, Path file, long size, long mtimeMicros) {
}
