package dev.sonority.api.search;

import dev.sonority.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The uploaded clip is shorter than one model needs. {@link ClipSongs} then tries the next model of the chain, and
 * answers this 422 (saying how long a clip must be) only when no model could answer at all.
 */
class ClipTooShortException extends ApiException {

    ClipTooShortException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }
}
