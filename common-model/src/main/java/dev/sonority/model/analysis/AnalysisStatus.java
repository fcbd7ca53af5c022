package dev.sonority.model.analysis;

/** The state of one model's analysis of one song. */
public enum AnalysisStatus {
    PENDING, RUNNING, COMPLETED, FAILED
}
