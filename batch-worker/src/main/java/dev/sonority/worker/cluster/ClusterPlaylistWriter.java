package dev.sonority.worker.cluster;

import dev.sonority.clustering.playlists.ClusterPlaylist;
import dev.sonority.model.playlist.PlaylistRows;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves a successful run's playlists and ends the run as SUCCESS in one transaction: the previous cluster
 * playlists leave in it, so readers see either the old run's playlists or the new one's, never a mix or none.
 * Playlists of other sources (manual lists, discovery) are never touched. The rows are written by
 * {@link PlaylistRows}, as api-service's playlists feature writes them.
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
        long id = PlaylistRows.insert(jdbc, playlist.name(), SOURCE, request,
                java.util.Arrays.stream(playlist.songIds()).boxed().toList());
        return id;
    }
}
