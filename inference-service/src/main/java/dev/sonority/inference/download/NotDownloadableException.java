package dev.sonority.inference.download;

/** The manifest gives no URL (or no sha256) for a file, so it cannot be fetched and verified automatically. */
public class NotDownloadableException extends DownloadException {

    public NotDownloadableException(String message) {
        super(message);
    }
}
