package dev.sonority.inference.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the manifest: {@code MODELS_DIR/manifest.json} when it exists, otherwise the copy of the repository's
 * {@code models/manifest.json} packed into the jar (so an empty models volume still lists every model).
 */
final class ManifestLocator {

    static final String FILE_NAME = "manifest.json";
    static final String CLASSPATH_LOCATION = "sonority/models/manifest.json";

    private ManifestLocator() {
    }

    static ModelCatalog load(ModelsDirectory directory, ManifestReader reader) {
        Path file = directory.root().resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                return new ModelCatalog(reader.read(Files.newInputStream(file), file.toString()), file.toString(),
                        directory);
            } catch (IOException e) {
                throw new ManifestException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        String location = "classpath:" + CLASSPATH_LOCATION;
        InputStream in = ManifestLocator.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION);
        if (in == null) {
            throw new ManifestException(location, "not found, and there is no " + file);
        }
        return new ModelCatalog(reader.read(in, location), location, directory);
    }
}
