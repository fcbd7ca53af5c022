package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far an installed file's content is vouched for (shown per file in {@code GET /v1/models}). */
public enum Verification {
    /** Its sha256 matched the one the manifest publishes (checked at download, and again at every load). */
    VERIFIED("verified"),
    /** No checksum is published: installed with its computed sha256 recorded, never compared with the source's. */
    UNVERIFIED("unverified"),
    /** Copied in by hand with no published checksum and no install record: nothing is known about it. */
    NOT_RECORDED("not_recorded");

    private final String json;

    Verification(String json) {
        this.json = json;
    }

    /** The state of a present file given the manifest and the download's record of it (or null). */
    static Verification of(ModelManifest.ModelFile file, InstallRecord.RecordedFile recorded) {
        if (file.sha256() != null) {
            return VERIFIED; // a mismatch is caught when the model loads, not by hashing on every listing
        }
        return recorded == null ? NOT_RECORDED : UNVERIFIED;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
