package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a model's files come from, as {@code GET /v1/models} reports it in {@code download}. */
public enum DownloadSource {
    /** Every file has an http(s) URL: {@code ./sonority models pull NAME}. */
    DOWNLOADABLE("downloadable"),
    /** Shipped inside a jar and installed at startup (text_minilm). */
    BUNDLED("bundled"),
    /** No published file: the user exports it with the script in models/ (mert, muq) or copies it in. */
    EXPORT_ONLY("export_only");

    private final String json;

    DownloadSource(String json) {
        this.json = json;
    }

    static DownloadSource of(ModelManifest.Entry entry) {
        if (!entry.downloadable()) {
            return EXPORT_ONLY;
        }
        return entry.files().stream().allMatch(f -> f.url().startsWith("classpath:")) ? BUNDLED : DOWNLOADABLE;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
