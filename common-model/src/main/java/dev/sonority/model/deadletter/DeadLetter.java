package dev.sonority.model.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message that failed for good: what it carried, where it came from, and the last error. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String queue;

    @Column(name = "routing_key")
    private String routingKey;

    @Column(name = "task_id")
    private UUID taskId;

    @Column(nullable = false)
    private String payload;

    private String error;

    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DeadLetter() {
    }

    public DeadLetter(String queue, String routingKey, UUID taskId, String payload, String error, int attempts) {
        this.queue = queue;
        this.routingKey = routingKey;
        this.taskId = taskId;
        this.payload = payload;
        this.error = error;
        this.attempts = attempts;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getQueue() { return queue; }
    public String getRoutingKey() { return routingKey; }
    public UUID getTaskId() { return taskId; }
    public String getPayload() { return payload; }
    public String getError() { return error; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
}
