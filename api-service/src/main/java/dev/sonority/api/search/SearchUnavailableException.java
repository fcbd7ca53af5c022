package dev.sonority.api.search;

/** A search that cannot run now (no model can answer, inference-service down, an index loading); says why. */
public class SearchUnavailableException extends RuntimeException {

    SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
