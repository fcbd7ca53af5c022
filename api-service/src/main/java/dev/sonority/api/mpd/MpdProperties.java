package dev.sonority.api.mpd;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record MpdProperties(String host, Integer port, String password, String playlistDir, Duration connectTimeout,
        Duration timeout) {

    public MpdProperties {
        host = host == null ? "" : host.strip();
        port = port == null || port <= 0 ? 6600 : port;
        password = password == null ? "" : password;
        playlistDir = playlistDir == null ? "" : playlistDir.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
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
