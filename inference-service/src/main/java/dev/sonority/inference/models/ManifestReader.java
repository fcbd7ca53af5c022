package dev.sonority.inference.models;

import dev.sonority.contract.models.ModelName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Parses and validates a model manifest; every problem is a {@link ManifestException} naming the location. */
final class ManifestReader {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Its own mapper, so that reading never depends on how the web layer's JSON is configured. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later manifests may add fields
            .build();

    ModelManifest read(InputStream in, String location) {
        ModelManifest manifest;
        try (in) {
            manifest = json.readValue(in, ModelManifest.class);
        } catch (JacksonException | IOException e) {
            throw new ManifestException(location, "not a readable manifest (" + e.getMessage() + ")", e);
        }
        validate(manifest, location);
        return manifest;
    }

    private static void validate(ModelManifest manifest, String location) {
        if (manifest == null || manifest.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new ManifestException(location, "format_version must be " + ModelManifest.FORMAT_VERSION);
        }
        if (manifest.models() == null) {
            throw new ManifestException(location, "\"models\" is missing");
        }
        Set<String> names = new HashSet<>();
        for (ModelManifest.Entry entry : manifest.models()) {
            if (ModelName.fromApiName(entry.name()).isEmpty()) {
                throw new ManifestException(location, "unknown model name '" + entry.name() + "'; known: "
                        + ModelName.apiNames());
            }
            if (!names.add(entry.name())) {
                throw new ManifestException(location, "model '" + entry.name() + "' is listed twice");
            }
            if (entry.files() == null || entry.files().isEmpty()) {
                throw new ManifestException(location, "model '" + entry.name() + "' lists no files");
            }
            entry.files().forEach(file -> validateFile(entry.name(), file, location));
        }
    }

    private static void validateFile(String model, ModelManifest.ModelFile file, String location) {
        String path = file.path();
        if (!insideModelsDir(path)) {
            throw new ManifestException(location, "model '" + model + "': file path '" + path
                    + "' must be relative to MODELS_DIR, normalised, with forward slashes");
        }
        if (file.unpack() != null && (!path.endsWith(".tar.gz") || !insideModelsDir(file.unpack()))) {
            throw new ManifestException(location, "model '" + model + "': unpack of '" + path + "' needs a .tar.gz"
                    + " file and a folder relative to MODELS_DIR, normalised, with forward slashes");
        }
        if (file.sha256() != null && !SHA256.matcher(file.sha256()).matches()) {
            throw new ManifestException(location, "model '" + model + "': sha256 of '" + path
                    + "' must be 64 lower-case hex digits or null");
        }
        if (file.size() != null && file.size() < 0) {
            throw new ManifestException(location, "model '" + model + "': size of '" + path + "' is negative");
        }
    }

    private static boolean insideModelsDir(String path) {
        return path != null && !path.isBlank() && !path.startsWith("/") && !path.contains("\\")
                && !Path.of(path).isAbsolute() && Path.of(path).normalize().toString().equals(path)
                && !path.startsWith("..");
    }
}
