package dev.sonority.model.job;

import java.util.List;
import java.util.UUID;

/**
 * "Analyse these songs for that task": a child message of an analyze task, published by the worker that
 * fans the task out onto the {@code analyze} work queue. The models to compute are read from the
 * {@code song_analysis} rows the parent marked PENDING for the task, so a redelivered or duplicated batch
 * finds the work as it really is and never analyses a song twice for the same model version.
 *
 * @param taskId the top-level analyze task
 * @param songIds the songs of this batch (a handful, so one slow file does not hold back many others)
 */
public record AnalyzeBatch(UUID taskId, List<Long> songIds) {

    /** Name of the work queue (see {@link JobTopology#workQueue(String)}). */
    public static final String WORK_QUEUE = "analyze";

    public AnalyzeBatch {
        songIds = List.copyOf(songIds);
    }
}
