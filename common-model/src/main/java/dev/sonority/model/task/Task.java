package dev.sonority.model.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A task row: what a user asked for, or a unit of work a parent task fanned out into. JSON columns are kept
 * as JSON text here; services parse them with their own JSON mapper.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskType type;

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    private int progress;

    @Column(name = "processed_count")
    private int processedCount;

    @Column(name = "failed_count")
    private int failedCount;

    @Column(name = "total_count")
    private Integer totalCount;

    private String message;

    private String error;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String parameters;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    private String owner;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Task() {
    }

    /** A new top-level task of this type, PENDING, named as Lainbow names it. */
    public static Task pending(TaskType type, String parametersJson) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.type = type;
        task.name = type.displayName();
        task.status = TaskStatus.PENDING;
        task.parameters = parametersJson;
        Instant now = Instant.now();
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    public UUID getId() { return id; }
    public TaskType getType() { return type; }
    public String getName() { return name; }
    public UUID getParentId() { return parentId; }
    public TaskStatus getStatus() { return status; }
    public int getProgress() { return progress; }
    public int getProcessedCount() { return processedCount; }
    public int getFailedCount() { return failedCount; }
    public Integer getTotalCount() { return totalCount; }
    public String getMessage() { return message; }
    public String getError() { return error; }
    public String getDetails() { return details; }
    public String getParameters() { return parameters; }
    public boolean isCancelRequested() { return cancelRequested; }
    public String getOwner() { return owner; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getFinishedAt() { return finishedAt; }

    public void setStatus(TaskStatus status) { this.status = status; }
    public void setProgress(int progress) { this.progress = progress; }
    public void setProcessedCount(int processedCount) { this.processedCount = processedCount; }
    public void setFailedCount(int failedCount) { this.failedCount = failedCount; }
    public void setTotalCount(Integer totalCount) { this.totalCount = totalCount; }
    public void setMessage(String message) { this.message = message; }
    public void setError(String error) { this.error = error; }
    public void setDetails(String details) { this.details = details; }
    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; }
    public void setOwner(String owner) { this.owner = owner; }
    public void setHeartbeatAt(Instant heartbeatAt) { this.heartbeatAt = heartbeatAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public void setParentId(UUID parentId) { this.parentId = parentId; }
}
