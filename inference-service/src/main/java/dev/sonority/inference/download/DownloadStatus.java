package dev.sonority.inference.download;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.sonority.inference.models.ModelManifest;
import java.time.Instant;
import java.util.List;

/**
 * One model's download as {@code GET /v1/models/{name}/download} reports it.
 *
 * @param model the model's API name
 * @param state queued, running, completed or failed
 * @param file the manifest path being fetched (null before the first byte and once finished)
 * @param bytesDone bytes on disk so far, resumed bytes included
 * @param bytesTotal the model's declared size, or null where the manifest has no sizes
 * @param progress bytesDone / bytesTotal in [0, 1], or null without a total
 * @param error why it failed (null unless failed)
 * @param startedAt when the download was requested
 * @param finishedAt when it completed or failed (null while running)
 * @param unverified the files installed without a published checksum (their computed sha256 is recorded in the
 *        model's install-record.json and shown by GET /v1/models), never silently
 */
public record DownloadStatus(String model, State state, String file, @JsonProperty("bytes_done") long bytesDone,
        @JsonProperty("bytes_total") Long bytesTotal, Double progress, String error,
        @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
        List<String> unverified) {

    /** The manifest files of {@code entry} that have no published sha256. */
    static List<String> unverified(ModelManifest.Entry entry) {
        return entry.files().stream().filter(f -> f.sha256() == null).map(ModelManifest.ModelFile::path).toList();
    }

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }
}
