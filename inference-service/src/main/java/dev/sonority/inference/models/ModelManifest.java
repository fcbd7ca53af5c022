package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The model manifest as stored in {@code models/manifest.json} (format documented in {@code models/README.md}).
 *
 * @param formatVersion the manifest layout version; this code reads {@link #FORMAT_VERSION}
 * @param models every model the inference service knows, in display order
 */
public record ModelManifest(@JsonProperty("format_version") int formatVersion, List<Entry> models) {

    /** The manifest layout this code understands. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One model.
     *
     * @param name the API name ({@link dev.sonority.contract.models.ModelName#apiName()})
     * @param version the model's own version label, stored with each analysis
     * @param license the licence of the weights (not of Sonority)
     * @param nonCommercial the weights' licence forbids commercial use, so a download must be accepted explicitly
     *        (null counts as false)
     * @param source where the weights come from and how to obtain them
     * @param files the files that make up the model, relative to MODELS_DIR
     * @param input free-form description of the expected input (sample rate, tensor names, ...)
     * @param outputDims output name to dimension
     */
    public record Entry(String name, String version, String license,
            @JsonProperty("non_commercial") Boolean nonCommercial, String source, List<ModelFile> files,
            Map<String, Object> input, @JsonProperty("output_dims") Map<String, Object> outputDims) {

        /** Without the licence flag (tests and older manifests). */
        public Entry(String name, String version, String license, String source, List<ModelFile> files,
                Map<String, Object> input, Map<String, Object> outputDims) {
            this(name, version, license, null, source, files, input, outputDims);
        }

        /** Whether a download needs the user to accept the licence first. */
        public boolean requiresLicenceAcceptance() {
            return Boolean.TRUE.equals(nonCommercial);
        }

        /** Every file has a download URL (else the user exports or copies the files in). */
        public boolean downloadable() {
            return files.stream().allMatch(f -> f.url() != null && !f.url().isBlank());
        }
    }

    /**
     * One file of a model.
     *
     * @param path relative to MODELS_DIR, forward slashes, never leaving it
     * @param sha256 lower-case hex digest, or null where not yet known
     * @param url where to download it, or null where there is no direct download
     * @param size in bytes, or null where not yet known
     * @param approxSize a rough size in bytes where the exact one is not published (disk-space check only), or null
     * @param unpack for a {@code .tar.gz}: the folder under MODELS_DIR its members are unpacked into after install,
     *        else null
     */
    public record ModelFile(String path, String sha256, String url, Long size,
            @JsonProperty("approx_size") Long approxSize, String unpack) {

        /** A plain file (no rough size, nothing to unpack). */
        public ModelFile(String path, String sha256, String url, Long size) {
            this(path, sha256, url, size, null, null);
        }
    }
}
