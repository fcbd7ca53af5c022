package dev.sonority.api.mpd;

/** No usable connection to MPD: refused, timed out, closed, or the server did not greet as MPD does. */
public class MpdUnreachableException extends MpdException {

    public MpdUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
