package dev.sonority.inference.api;

/** The request body is larger than INFERENCE_MAX_AUDIO_BYTES (HTTP 413). */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(String message) {
        super(message);
    }
}
