package dev.sonority.audio.tags;

import dev.sonority.audio.decode.DecodeFailure;

/** Neither jaudiotagger nor FFmpeg could read a file; the message names the file and the cause. */
public final class TagReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DecodeFailure reason;

    public TagReadException(DecodeFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the file is unusable (not found, empty, not audio, ...), in the same terms as a failed decode. */
    public DecodeFailure reason() {
        return reason;
    }
}
