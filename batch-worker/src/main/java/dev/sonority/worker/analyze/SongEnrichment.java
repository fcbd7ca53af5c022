package dev.sonority.worker.analyze;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Work that follows a song's models and uses what they stored, such as the text embedding of the song's
 * metadata and descriptors that text search falls back to. It runs after the models' results are committed
 * and before the song is counted into its task, with no transaction open (it may call another service, and
 * writes its own results on its own), so the task ends only after it. A failure here never
 * fails the song's analysis: it is logged and the song stays searchable by its audio models. The analyze job
 * catches up the songs it left behind ({@link #outdated}, {@link #refresh}).
 */
public interface SongEnrichment {

    /**
     * @param completedModels the models this song's analysis just stored
     * @return the vector models this step changed (announced to the index with the others)
     */
    Set<String> enrich(long songId, Set<String> completedModels);

    /**
     * Present, readable songs with no row in this analyze task whose result of this step is missing or out
     * of date (analysed before the step existed, or while its service was down), in id order. Their models
     * are not analysed again, so {@link #enrich} would never reach them.
     */
    List<Long> outdated(UUID taskId);

    /**
     * Runs this step for songs whose models did not change, several at once.
     *
     * @return as {@link #enrich}
     */
    Set<String> refresh(List<Long> songIds);
}
