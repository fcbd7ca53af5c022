package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a download installed, kept beside the model as {@code MODELS_DIR/<name>/install-record.json}: each file's
 * sha256 as computed after the download and whether the manifest's published sha256 confirmed it. A file with
 * no published checksum is installed {@code unverified}; the record keeps its digest so that later loads still
 * notice a file that changed on disk, and so that {@code GET /v1/models} can say it was not verified.
 *
 * @param model the model's API name
 * @param installedAt when the download completed
 * @param files manifest path to its recorded digest
 */
public record InstallRecord(String model, @JsonProperty("installed_at") Instant installedAt,
        Map<String, RecordedFile> files) {

    /** The record's file name inside the model's folder. */
    public static final String FILE_NAME = "install-record.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param sha256 the digest computed from the installed bytes
     * @param verified true when it equals the manifest's published sha256, false when none was published
     */
    public record RecordedFile(String sha256, boolean verified) {
    }

    /** Where the record of {@code model} lives under {@code root}. */
    public static Path location(Path root, String model) {
        return root.resolve(model).resolve(FILE_NAME);
    }

    /** The record of {@code model}, if a download wrote one (an unreadable record counts as none). */
    public static Optional<InstallRecord> read(Path root, String model) {
        Path path = location(root, model);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(path.toFile(), InstallRecord.class));
        } catch (JacksonException e) {
            return Optional.empty(); // hand-edited or truncated: files are then reported as not recorded
        }
    }

    /** Writes the record atomically (temporary file, then rename), so a reader never sees half of it. */
    public void write(Path root) {
        Path path = location(root, model);
        Path temp = path.resolveSibling(FILE_NAME + ".part");
        try {
            Files.createDirectories(path.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | JacksonException e) {
            throw new UncheckedIOException("Cannot write the install record " + path,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
