package dev.sonority.api.search;

/** inference-service is up but cannot embed with this model (not installed, failed to load): try the next. */
class ModelUnavailableException extends RuntimeException {

    ModelUnavailableException(String message) {
        super(message);
    }
}
