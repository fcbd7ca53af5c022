package dev.sonority.api.mpd;

/** MPD's database has no song under a URI the playlist holds (MPD's database is older than Sonority's scan). */
public class MpdUnknownSongException extends MpdException {

    private final String uri;

    MpdUnknownSongException(String uri, MpdAckException cause) {
        super("MPD's database has no song '" + uri + "': update MPD's database (mpc update) and export again", cause);
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
