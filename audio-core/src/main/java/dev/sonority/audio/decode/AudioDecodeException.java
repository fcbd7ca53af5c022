package dev.sonority.audio.decode;

import java.nio.file.Path;

/** A file could not be decoded; {@link #getMessage()} is written for a user and names the file and the cause. */
public final class AudioDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DecodeFailure reason;

    public AudioDecodeException(DecodeFailure reason, Path file, String detail) {
        super(file.getFileName() + ": " + detail);
        this.reason = reason;
    }

    public AudioDecodeException(DecodeFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The category of the failure, for metrics and for the status stored with a song. */
    public DecodeFailure reason() {
        return reason;
    }
}
