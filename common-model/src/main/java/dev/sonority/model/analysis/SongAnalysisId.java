package dev.sonority.model.analysis;

import java.io.Serializable;

/** Primary key of {@link SongAnalysis}: one row per song and model. */
public record SongAnalysisId(Long songId, String model) implements Serializable {
}
