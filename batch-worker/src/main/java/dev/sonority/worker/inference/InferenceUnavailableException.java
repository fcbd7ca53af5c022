package dev.sonority.worker.inference;

import dev.sonority.worker.config.TransientDependencyException;

/** The inference service could not be reached or answered with a server error: try the song again later. */
public class InferenceUnavailableException extends TransientDependencyException {

    InferenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    InferenceUnavailableException(String message) {
        super(message, null);
    }
}
