package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** What was found at one manifest file's path under MODELS_DIR. */
public enum FileState {
    /** A regular file with the declared size (or any size where none is declared). */
    PRESENT("present"),
    /** Nothing there, or not a regular file. */
    MISSING("missing"),
    /** A file of another size than declared: an interrupted download or another version. */
    WRONG_SIZE("wrong_size");

    private final String json;

    FileState(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
