package dev.sonority.inference.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size from {@code /proc/self/statm} (Linux); 0 where it cannot be read. */
final class ResidentMemory {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE = 4096; // the page size of every Linux target Sonority ships for

    private ResidentMemory() {
    }

    static long bytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
