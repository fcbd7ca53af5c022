package dev.sonority.worker.songs;

import dev.sonority.model.analysis.AnalysisTransitions;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets what was computed from a file's old contents: its analysis states, vectors and descriptors, so the
 * next analyze computes them again and no stale vector is ever served. Used when a scan or a vacuum finds a
 * file whose size or modification time changed.
 */
@Component
public class SongInvalidation {

    private final JdbcClient jdbc;
    private final AnalysisTransitions analyses;
    private final IndexEvents indexEvents;

    SongInvalidation(JdbcClient jdbc, AnalysisTransitions analyses, IndexEvents indexEvents) {
        this.jdbc = jdbc;
        this.analyses = analyses;
        this.indexEvents = indexEvents;
    }

    /** Deletes the analyses of these songs; call inside the transaction that records the change. */
    public void invalidate(Collection<Long> songIds) {
        if (songIds.isEmpty()) {
            return;
        }
        List<String> models = modelsWithVectors(songIds);
        analyses.forget(songIds);
        jdbc.sql("DELETE FROM embedding WHERE song_id IN (:ids)").param("ids", songIds).update();
        jdbc.sql("DELETE FROM song_descriptors WHERE song_id IN (:ids)").param("ids", songIds).update();
        indexEvents.vectorsChanged(models);
    }

    /** The models that have stored vectors for any of these songs (their indexes must drop them). */
    public List<String> modelsWithVectors(Collection<Long> songIds) {
        return jdbc.sql("SELECT DISTINCT model FROM embedding WHERE song_id IN (:ids)").param("ids", songIds)
                .query(String.class).list();
    }
}
