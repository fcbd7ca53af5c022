package dev.sonority.inference.models;

import java.nio.file.Path;

/** Where model files (and optionally manifest.json) live: MODELS_DIR. Tests and embedded modes supply their own. */
@FunctionalInterface
public interface ModelsDirectory {

    /** The absolute, normalised root; it need not exist (then no model is installed). */
    Path root();
}
