package dev.sonority.api.mpd;

/** Saving to MPD failed; the subclasses say whether MPD could not be reached or refused a command. */
public abstract class MpdException extends RuntimeException {

    protected MpdException(String message, Throwable cause) {
        super(message, cause);
    }
}
