package dev.sonority.model.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One model's analysis of one song: its status, the model version that produced it, and why it failed. */
@Entity
@Table(name = "song_analysis")
@IdClass(SongAnalysisId.class)
public class SongAnalysis {

    @Id
    @Column(name = "song_id")
    private Long songId;

    @Id
    private String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnalysisStatus status;

    @Column(name = "model_version")
    private String modelVersion;

    @Column(name = "error_reason")
    private String errorReason;

    private int attempts;

    @Column(name = "task_id")
    private UUID taskId;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SongAnalysis() {
    }

    public Long getSongId() { return songId; }
    public String getModel() { return model; }
    public AnalysisStatus getStatus() { return status; }
    public String getModelVersion() { return modelVersion; }
    public String getErrorReason() { return errorReason; }
    public int getAttempts() { return attempts; }
    public UUID getTaskId() { return taskId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
