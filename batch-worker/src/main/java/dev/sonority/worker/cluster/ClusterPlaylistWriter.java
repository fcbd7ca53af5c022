package dev.sonority.worker.cluster;

import dev.sonority.clustering.playlists.ClusterPlaylist;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves a successful run's playlists and ends the run as SUCCESS in one transaction: the previous cluster
 * playlists leave in it, so readers see either the old run's playlists or the new one's, never a mix or none.
 * Playlists of other sources (manual lists, discovery) are never touched. The rows have the shape of
 * api-service's {@code PlaylistStore} (which the worker cannot call): dense positions 0..n-1.
 */
@Repository
class ClusterPlaylistWriter {

    static final String SOURCE = "cluster";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ClusterPlaylistWriter(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** @return the new playlists' ids, in the order given */
    List<Long> replace(long runId, Object parameters, List<ClusterPlaylist> playlists) {
        return transaction.execute(status -> {
            jdbc.sql("DELETE FROM playlist WHERE source = :source").param("source", SOURCE).update();
            List<Long> ids = playlists.stream().map(p -> insert(runId, parameters, p)).toList();
            jdbc.sql("UPDATE clustering_run SET status = 'SUCCESS', finished_at = now() WHERE id = :id")
                    .param("id", runId).update();
            return ids;
        });
    }

    private long insert(long runId, Object parameters, ClusterPlaylist playlist) {
        String request = JSON.writeValueAsString(Map.of("run_id", runId, "parameters", parameters,
                "fitness", playlist.fitness(), "labels", playlist.labels()));
        long id = jdbc.sql("INSERT INTO playlist (name, source, request) VALUES (:name, :source, CAST(:request AS jsonb))"
                        + " RETURNING id")
                .param("name", playlist.name()).param("source", SOURCE).param("request", request)
                .query(Long.class).single();
        long[] songs = playlist.songIds();
        for (int position = 0; position < songs.length; position++) {
            jdbc.sql("INSERT INTO playlist_song (playlist_id, position, song_id) VALUES (:p, :pos, :song)")
                    .param("p", id).param("pos", position).param("song", songs[position]).update();
        }
        return id;
    }
}
