package dev.sonority.api.instant;

import java.util.List;

/**
 * Saves a playlist. Kept behind this interface because playlists are another feature's table: when it is merged,
 * its own repository takes this role.
 */
public interface InstantPlaylistSaver {

    /** The source every instant playlist is saved with. */
    String SOURCE = "instant";

    /**
     * @param requestJson the request that made it, as JSON
     * @param songIds the songs in play order
     * @return the new playlist's id
     */
    long save(String name, String source, String requestJson, List<Long> songIds);
}
