package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a model stands: its files in MODELS_DIR, and whether the registry has it loaded in ONNX Runtime. */
public enum ModelState {
    /** Every file of the manifest entry exists with the declared size. */
    INSTALLED("installed"),
    /** At least one file is missing or has another size than declared. */
    NOT_INSTALLED("not_installed"),
    /** Its ONNX sessions are open and serve requests. */
    LOADED("loaded"),
    /** Loading failed (wrong sha256, wrong input shape, unreadable graph...); the reason says why. */
    FAILED("failed");

    private final String json;

    ModelState(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
