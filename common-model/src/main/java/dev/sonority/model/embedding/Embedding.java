package dev.sonority.model.embedding;

import dev.sonority.model.vector.VectorCodec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A float vector a model produced for a song. Stored as {@link VectorCodec} bytes with its dimension, so
 * any vector index can be rebuilt from PostgreSQL alone.
 */
@Entity
@Table(name = "embedding")
@IdClass(EmbeddingId.class)
public class Embedding {

    @Id
    @Column(name = "song_id")
    private Long songId;

    @Id
    private String model;

    @Id
    private String kind;

    private int dim;

    @Column(nullable = false)
    private byte[] data;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Embedding() {
    }

    public Embedding(Long songId, String model, String kind, float[] vector, String modelVersion) {
        this.songId = songId;
        this.model = model;
        this.kind = kind;
        this.dim = vector.length;
        this.data = VectorCodec.encode(vector);
        this.modelVersion = modelVersion;
        this.updatedAt = Instant.now();
    }

    public Long getSongId() { return songId; }
    public String getModel() { return model; }
    public String getKind() { return kind; }
    public int getDim() { return dim; }
    public String getModelVersion() { return modelVersion; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** The vector, decoded from its stored bytes. */
    public float[] vector() {
        return VectorCodec.decode(data);
    }
}
