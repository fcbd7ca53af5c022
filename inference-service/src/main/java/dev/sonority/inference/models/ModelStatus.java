package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonority.inference.runtime.ExecutionProvider;
import java.util.List;
import java.util.Map;

/**
 * One model as GET /v1/models reports it: the manifest entry, what is on disk, and (from the registry) whether it
 * is loaded or failed, on which execution provider and with how much memory.
 *
 * @param reason why the model is failed (or not installed), else null
 * @param provider the execution provider its sessions run on while loaded, else null
 * @param providerNote why the provider differs from INFERENCE_PROVIDER (a fallback to the CPU), else null
 * @param memoryBytes memory its sessions hold while loaded, else null
 * @param dim the manifest's {@code output_dims.embedding}
 * @param sampleRate the manifest's {@code input.sample_rate} (audio models), else null
 * @param kind audio, text or audio_and_text
 * @param nonCommercial the weights' licence forbids commercial use (a download must accept it)
 * @param download how the files are obtained: downloadable, bundled or export_only
 */
public record ModelStatus(String name, String version, String license, String source, ModelState state,
        String reason, ExecutionProvider provider, @JsonProperty("provider_note") String providerNote,
        @JsonProperty("memory_bytes") Long memoryBytes, Integer dim, @JsonProperty("sample_rate") Integer sampleRate,
        String kind, @JsonProperty("non_commercial") boolean nonCommercial, DownloadSource download,
        List<FileStatus> files, Map<String, Object> input,
        @JsonProperty("output_dims") Map<String, Object> outputDims) {

    /** The on-disk view only (no registry information yet). */
    public ModelStatus(String name, String version, String license, String source, ModelState state,
            List<FileStatus> files, Map<String, Object> input, Map<String, Object> outputDims) {
        this(name, version, license, source, state, null, null, null, null, intOrNull(outputDims, "embedding"),
                intOrNull(input, "sample_rate"), null, false, null, files, input, outputDims);
    }

    /** This status with the registry's runtime view. */
    public ModelStatus withRuntime(ModelState newState, String newReason, ExecutionProvider newProvider,
            String newProviderNote, Long newMemoryBytes, String newKind) {
        return new ModelStatus(name, version, license, source, newState, newReason, newProvider, newProviderNote,
                newMemoryBytes, dim, sampleRate, newKind, nonCommercial, download, files, input, outputDims);
    }

    /** This status with the manifest's download facts. */
    public ModelStatus withDownload(boolean newNonCommercial, DownloadSource newDownload) {
        return new ModelStatus(name, version, license, source, state, reason, provider, providerNote, memoryBytes,
                dim, sampleRate, kind, newNonCommercial, newDownload, files, input, outputDims);
    }

    static Integer intOrNull(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Number n ? n.intValue() : null;
    }

    /**
     * One file of the model: the manifest's declaration and what was found.
     *
     * @param verification for a present file: verified, unverified (no published sha256) or not_recorded (copied in
     *        by hand, not downloaded), else null
     * @param recordedSha256 the digest the download computed and recorded, else null
     */
    public record FileStatus(String path, String sha256, String url, Long size, FileState state,
            Verification verification, @JsonProperty("recorded_sha256") String recordedSha256) {
    }
}
