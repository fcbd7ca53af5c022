package dev.sonority.inference.models;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a broken model manifest at startup instead of a stack trace. */
class ManifestFailureAnalyzer extends AbstractFailureAnalyzer<ManifestException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ManifestException cause) {
        return new FailureAnalysis(
                "The model manifest could not be used: " + cause.getMessage(),
                "Fix or remove " + cause.location() + " (its format is described in models/README.md), or set"
                        + " MODELS_DIR to the folder that holds a valid manifest.json and the model files.",
                cause);
    }
}
