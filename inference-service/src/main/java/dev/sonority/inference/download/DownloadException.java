package dev.sonority.inference.download;

/** A download could not be completed; the message says which file and why, in words an operator can act on. */
public class DownloadException extends RuntimeException {

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
