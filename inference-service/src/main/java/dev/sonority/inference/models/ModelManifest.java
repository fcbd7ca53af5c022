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
     * @param source where the weights come from and how to obtain them
     * @param files the files that make up the model, relative to MODELS_DIR
     * @param input free-form description of the expected input (sample rate, tensor names, ...)
     * @param outputDims output name to dimension
     */
    public record Entry(String name, String version, String license, String source, List<ModelFile> files,
            Map<String, Object> input, @JsonProperty("output_dims") Map<String, Object> outputDims) {
    }

    /**
     * One file of a model.
     *
     * @param path relative to MODELS_DIR, forward slashes, never leaving it
     * @param sha256 lower-case hex digest, or null where not yet known
     * @param url where to download it, or null where there is no direct download
     * @param size in bytes, or null where not yet known
     */
    public record ModelFile(String path, String sha256, String url, Long size) {
    }
}
