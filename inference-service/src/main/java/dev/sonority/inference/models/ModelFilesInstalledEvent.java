package dev.sonority.inference.models;

/**
 * Publish after a model's files in MODELS_DIR were replaced (a download, an export): the registry then forgets a
 * {@code failed} state and closes a loaded copy, so the next request loads the new files.
 *
 * @param model the model's API name
 */
public record ModelFilesInstalledEvent(String model) {
}
