package dev.sonority.inference.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The manifest's models and their install state, looked up on disk at every call so that files copied into
 * MODELS_DIR show up without a restart. Only existence and size are checked: hashing gigabytes per request
 * would be too slow; verifying the sha256 belongs to the download step.
 */
public final class ModelCatalog {

    private final ModelManifest manifest;
    private final String manifestLocation;
    private final ModelsDirectory directory;

    public ModelCatalog(ModelManifest manifest, String manifestLocation, ModelsDirectory directory) {
        this.manifest = manifest;
        this.manifestLocation = manifestLocation;
        this.directory = directory;
    }

    /**
     * The catalog of {@code directory}: its own {@code manifest.json}, or the one packed into the jar; throws
     * {@link ManifestException} when the manifest is unusable.
     */
    public static ModelCatalog fromDirectory(ModelsDirectory directory) {
        return ManifestLocator.load(directory, new ManifestReader());
    }

    /** Where the manifest was read from. */
    public String manifestLocation() {
        return manifestLocation;
    }

    public Path modelsDir() {
        return directory.root();
    }

    public List<ModelStatus> models() {
        return manifest.models().stream().map(this::status).toList();
    }

    public Optional<ModelStatus> model(String name) {
        return manifest.models().stream().filter(e -> e.name().equals(name)).findFirst().map(this::status);
    }

    /** Every manifest entry, in manifest order. */
    public List<ModelManifest.Entry> entries() {
        return manifest.models();
    }

    /** The manifest entry of {@code name}, if listed. */
    public Optional<ModelManifest.Entry> entry(String name) {
        return manifest.models().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The absolute path of a manifest file under MODELS_DIR. */
    public Path path(ModelManifest.ModelFile file) {
        return directory.root().resolve(file.path());
    }

    ModelStatus status(ModelManifest.Entry entry) {
        Optional<InstallRecord> record = InstallRecord.read(directory.root(), entry.name());
        List<ModelStatus.FileStatus> files = entry.files().stream().map(f -> {
            FileState state = fileState(f);
            InstallRecord.RecordedFile recorded = record.map(r -> r.files().get(f.path())).orElse(null);
            return new ModelStatus.FileStatus(f.path(), f.sha256(), f.url(), f.size(), state,
                    state == FileState.PRESENT ? Verification.of(f, recorded) : null,
                    recorded == null ? null : recorded.sha256());
        }).toList();
        boolean installed = files.stream().allMatch(f -> f.state() == FileState.PRESENT);
        return new ModelStatus(entry.name(), entry.version(), entry.license(), entry.source(),
                installed ? ModelState.INSTALLED : ModelState.NOT_INSTALLED, files, entry.input(), entry.outputDims())
                .withDownload(entry.requiresLicenceAcceptance(), DownloadSource.of(entry));
    }

    /**
     * The digest a file must have when it loads: the manifest's published sha256, else the one a download
     * recorded for it (so an unverified file that later changes on disk is still noticed), else null.
     */
    public String expectedSha256(ModelManifest.Entry entry, ModelManifest.ModelFile file) {
        if (file.sha256() != null) {
            return file.sha256();
        }
        return InstallRecord.read(directory.root(), entry.name()).map(r -> r.files().get(file.path()))
                .map(InstallRecord.RecordedFile::sha256).orElse(null);
    }

    private FileState fileState(ModelManifest.ModelFile file) {
        Path path = directory.root().resolve(file.path());
        if (!Files.isRegularFile(path)) {
            return FileState.MISSING;
        }
        try {
            return file.size() == null || Files.size(path) == file.size() ? FileState.PRESENT : FileState.WRONG_SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }
}
