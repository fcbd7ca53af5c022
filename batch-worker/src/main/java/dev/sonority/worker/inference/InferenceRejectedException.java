package dev.sonority.worker.inference;

import org.jspecify.annotations.Nullable;

/**
 * The inference service refused this request for a reason that retrying will not change (audio too short,
 * a model not installed or failed to load): the affected models are marked failed for the song, with the
 * service's own words as the reason.
 *
 * @param model the model the refusal names, when the service names one
 */
class InferenceRejectedException extends RuntimeException {

    private final int status;
    private final @Nullable String model;

    InferenceRejectedException(int status, String detail, @Nullable String model) {
        super(detail);
        this.status = status;
        this.model = model;
    }

    int status() {
        return status;
    }

    @Nullable String model() {
        return model;
    }
}
