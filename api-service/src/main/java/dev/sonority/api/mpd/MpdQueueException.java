package dev.sonority.api.mpd;

/** The stored playlist was saved, but MPD refused to put it in the play queue. */
public class MpdQueueException extends MpdException {

    MpdQueueException(String name, MpdAckException cause) {
        super("The MPD playlist '" + name + "' was saved, but MPD refused to queue it: " + cause.getMessage(), cause);
    }
}
