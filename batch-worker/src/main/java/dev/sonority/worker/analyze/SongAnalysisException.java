package dev.sonority.worker.analyze;

/** A model cannot analyse one song; the message is stored as the song's failure reason for that model. */
public final class SongAnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    public SongAnalysisException(String message) {
        super(message);
    }

    public SongAnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
