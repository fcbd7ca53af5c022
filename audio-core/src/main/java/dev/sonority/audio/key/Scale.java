package dev.sonority.audio.key;

/** The mode of an estimated key. */
public enum Scale {
    MAJOR,
    MINOR;

    /** {@code "major"} or {@code "minor"}, as Essentia's KeyExtractor names them. */
    public String label() {
        return switch (this) {
            case MAJOR -> "major";
            case MINOR -> "minor";
        };
    }
}
