package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a model's files are in MODELS_DIR. Loaded/failed states arrive with the ONNX registry. */
public enum ModelState {
    /** Every file of the manifest entry exists with the declared size. */
    INSTALLED("installed"),
    /** At least one file is missing or has another size than declared. */
    NOT_INSTALLED("not_installed");

    private final String json;

    ModelState(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
