package dev.sonority.api.search;

/** inference-service cannot be reached or timed out: text search answers 503 naming it. */
class InferenceUnavailableException extends RuntimeException {

    InferenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
