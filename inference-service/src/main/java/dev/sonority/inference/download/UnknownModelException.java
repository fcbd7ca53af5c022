package dev.sonority.inference.download;

/** The manifest has no model of that name. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String message) {
        super(message);
    }
}
