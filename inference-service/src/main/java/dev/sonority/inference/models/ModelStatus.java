package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One model as GET /v1/models reports it: the manifest entry plus what is on disk. */
public record ModelStatus(String name, String version, String license, String source, ModelState state,
        List<FileStatus> files, Map<String, Object> input, @JsonProperty("output_dims") Map<String, Object> outputDims) {

    /** One file of the model: the manifest's declaration and what was found. */
    public record FileStatus(String path, String sha256, String url, Long size, FileState state) {
    }
}
