package dev.sonority.worker.analyze;

import dev.sonority.worker.config.TransientDependencyException;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.songs.IndexEvents;
import dev.sonority.worker.tasks.ProgressSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The analyze task's catch-up of {@link SongEnrichment}s (the metadata text vector) for the songs whose models it
 * does not analyse again: analysed before the enrichment existed, or while its service was down ({@link
 * SongProcessor} only logs that). So "analyze" leaves nothing missing. A service that is down stops the catch-up
 * without failing the task: the next analyze task tries again.
 */
@Component
class EnrichmentCatchUp {

    /** Songs per {@link SongEnrichment#refresh} (one inference request; the service takes up to 256 texts). */
    static final int CHUNK = 64;

    private static final Logger log = LoggerFactory.getLogger(EnrichmentCatchUp.class);

    private final List<SongEnrichment> enrichments;
    private final IndexEvents indexEvents;

    EnrichmentCatchUp(List<SongEnrichment> enrichments, IndexEvents indexEvents) {
        this.enrichments = List.copyOf(enrichments);
        this.indexEvents = indexEvents;
    }

    /** @return how many songs were refreshed (by all enrichments together) */
    int run(UUID taskId, JobContext context) {
        int refreshed = 0;
        Set<String> changedModels = new HashSet<>();
        try {
            for (SongEnrichment enrichment : enrichments) {
                refreshed += catchUp(enrichment, taskId, context, changedModels);
            }
        } finally {
            indexEvents.vectorsChanged(changedModels); // also when cancelled midway: those vectors are stored
        }
        return refreshed;
    }

    private int catchUp(SongEnrichment enrichment, UUID taskId, JobContext context, Set<String> changedModels) {
        String name = enrichment.getClass().getSimpleName();
        List<Long> songs = enrichment.outdated(taskId);
        int refreshed = 0;
        for (int from = 0; from < songs.size(); from += CHUNK) {
            context.progress(ProgressSnapshot.of(0, 0, null, "Catching up " + name + " for songs analysed earlier: "
                    + from + " of " + songs.size()));
            List<Long> chunk = songs.subList(from, Math.min(songs.size(), from + CHUNK));
            try {
                changedModels.addAll(enrichment.refresh(chunk));
                refreshed += chunk.size();
            } catch (TransientDependencyException e) {
                log.warn("Task {}: {} caught up {} of {} songs, then stopped: {}", taskId, name, refreshed,
                        songs.size(), e.getMessage());
                break;
            } catch (RuntimeException e) { // a bad answer for some songs; the others still get theirs
                log.warn("Task {}: {} failed on songs {}", taskId, name, chunk, e);
            }
        }
        if (refreshed > 0) {
            log.info("Task {}: {} caught up {} songs", taskId, name, refreshed);
        }
        return refreshed;
    }
}
