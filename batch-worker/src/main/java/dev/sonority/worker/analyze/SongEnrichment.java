package dev.sonority.worker.analyze;

import java.util.Set;

/**
 * Work that follows a song's models in the same transaction and uses what they stored, such as the text
 * embedding of the song's metadata and descriptors that text search falls back to. A failure here never
 * fails the song's analysis: it is logged and the song stays searchable by its audio models.
 */
public interface SongEnrichment {

    /**
     * @param completedModels the models this song's analysis just stored
     * @return the vector models this step changed (announced to the index with the others)
     */
    Set<String> enrich(long songId, Set<String> completedModels);
}
