package dev.sonority.api.library;

/** One section as the manifest lists it: its name, version, zip entry, number of lines and sha256 (hex). */
record SectionSummary(String name, int version, String entry, long records, String sha256) {
}
