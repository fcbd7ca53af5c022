package dev.sonority.api.mpd;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where playlists go when they are sent to MPD ({@code sonority.mpd}).
 *
 * @param host MPD's host name or address (MPD_HOST); blank: no connection to MPD
 * @param port MPD's port (MPD_PORT)
 * @param password MPD's password (MPD_PASSWORD); blank: none is sent
 * @param playlistDir MPD's playlist directory as this service sees it (MPD_PLAYLIST_DIR): without {@code host},
 *     playlists are written there as {@code NAME.m3u}; blank: not used
 * @param connectTimeout how long connecting to MPD may take (MPD_CONNECT_TIMEOUT)
 * @param timeout how long MPD may take to answer one command or command list (MPD_TIMEOUT)
 */
@ConfigurationProperties("sonority.mpd")
public record MpdProperties(@DefaultValue("") String host, @DefaultValue("6600") int port,
        @DefaultValue("") String password, @DefaultValue("") String playlistDir,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration timeout) {

    public MpdProperties {
        if (port <= 0 || port > 65_535 || connectTimeout.isNegative() || connectTimeout.isZero()
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("MPD_PORT must be 1-65535 and MPD_CONNECT_TIMEOUT and MPD_TIMEOUT"
                    + " more than 0, were " + port + ", " + connectTimeout + " and " + timeout);
        }
        host = host.strip();
        playlistDir = playlistDir.strip();
    }

    /** Whether MPD is reached over its protocol. */
    public boolean connects() {
        return !host.isEmpty();
    }

    /** The playlist directory, when one is configured. */
    public java.util.Optional<Path> directory() {
        return playlistDir.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(playlistDir));
    }
}
