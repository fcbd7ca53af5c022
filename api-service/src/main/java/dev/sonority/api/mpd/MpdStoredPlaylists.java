package dev.sonority.api.mpd;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Saves a playlist as an MPD stored playlist, replacing one of the same name so that MPD's clients only ever see
 * the old playlist or the new one, never a half-written one.
 *
 * <p>A command list runs without interruption by other clients but is no transaction: {@code playlistclear NAME}
 * followed by {@code playlistadd NAME ...} would leave NAME cleared and half-filled when one {@code playlistadd}
 * fails (a song MPD's database lacks), and {@code playlistclear} of a playlist that does not exist yet fails.
 * So the songs are first added to a temporary stored playlist (the first {@code playlistadd} creates it); a failure
 * there removes it and leaves NAME untouched. Then one command list swaps it in: {@code rm NAME} (when NAME
 * exists), {@code rename TEMP NAME}, and the queue commands ({@code clear}, {@code load NAME}) when asked for.
 */
@Component
public class MpdStoredPlaylists {

    /** Names of the temporary playlists, so a leftover of a crash is recognisable. */
    static final String TEMP_PREFIX = ".sonority-partial-";
    /** {@code playlistadd}s per command list while filling the temporary playlist (MPD caps a list's size). */
    static final int ADDS_PER_LIST = 500;

    private static final Logger log = LoggerFactory.getLogger(MpdStoredPlaylists.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MpdProperties properties;

    public MpdStoredPlaylists(MpdProperties properties) {
        this.properties = properties;
    }

    /**
     * Saves {@code uris} (paths relative to MPD's music directory, in order) as the stored playlist {@code name}.
     *
     * @param queue also append the playlist to the play queue, or replace the queue with it; null: leave the queue
     * @throws MpdUnreachableException MPD cannot be reached (nothing was changed)
     * @throws MpdAckException MPD refused a command, the password among them (nothing was changed)
     * @throws MpdQueueException the playlist was saved, but MPD refused a queue command
     * @throws MpdUnknownSongException MPD's database lacks one of the songs (nothing was changed)
     */
    public void save(String name, List<String> uris, QueueMode queue) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("an empty playlist cannot be saved by playlistadd");
        }
        try (MpdConnection mpd = MpdConnection.open(properties.host(), properties.port(), properties.connectTimeout(),
                properties.timeout())) {
            if (!properties.password().isEmpty()) {
                mpd.run(MpdCommand.of("password", properties.password()));
            }
            boolean exists = mpd.run(MpdCommand.of("listplaylists")).contains("playlist: " + name);
            String temp = TEMP_PREFIX + HexFormat.of().formatHex(RANDOM.generateSeed(6));
            fill(mpd, temp, uris);
            swap(mpd, temp, name, exists, queue);
        }
    }

    private static void fill(MpdConnection mpd, String temp, List<String> uris) {
        for (int from = 0; from < uris.size(); from += ADDS_PER_LIST) {
            List<String> chunk = uris.subList(from, Math.min(uris.size(), from + ADDS_PER_LIST));
            try {
                mpd.runList(chunk.stream().map(uri -> MpdCommand.of("playlistadd", temp, uri)).toList());
            } catch (MpdAckException e) {
                removeQuietly(mpd, temp);
                if (e.code() == MpdAckException.NO_EXIST && e.index() < chunk.size()) {
                    throw new MpdUnknownSongException(chunk.get(e.index()), e);
                }
                throw e;
            } catch (MpdUnreachableException e) {
                // the connection is gone: the temporary playlist stays behind under its recognisable name
                log.warn("MPD connection lost while filling {}; it may be left in MPD's playlists", temp);
                throw e;
            }
        }
    }

    private static void swap(MpdConnection mpd, String temp, String name, boolean exists, QueueMode queue) {
        List<MpdCommand> swap = new ArrayList<>();
        if (exists) {
            swap.add(MpdCommand.of("rm", name));
        }
        swap.add(MpdCommand.of("rename", temp, name));
        int renamed = swap.size() - 1;
        if (queue == QueueMode.REPLACE) {
            swap.add(MpdCommand.of("clear"));
        }
        if (queue != null) {
            swap.add(MpdCommand.of("load", name));
        }
        try {
            mpd.runList(swap);
        } catch (MpdAckException e) {
            if (e.index() > renamed) {
                throw new MpdQueueException(name, e);
            }
            removeQuietly(mpd, temp);
            throw e;
        }
    }

    private static void removeQuietly(MpdConnection mpd, String temp) {
        try {
            mpd.run(MpdCommand.of("rm", temp));
        } catch (MpdException e) {
            log.warn("Could not remove the temporary MPD playlist {}: {}", temp, e.getMessage());
        }
    }
}
