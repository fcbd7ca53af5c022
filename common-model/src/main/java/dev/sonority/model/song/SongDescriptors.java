package dev.sonority.model.song;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Scalar descriptors of a song (tempo, key, loudness, ...), for filters, explanations and the analysis
 * endpoint. A null value always has its reason in {@link #getNullReasons()} (JSON object).
 */
@Entity
@Table(name = "song_descriptors")
public class SongDescriptors {

    @Id
    @Column(name = "song_id")
    private Long songId;

    private Double bpm;
    @Column(name = "beat_confidence")
    private Double beatConfidence;
    @Column(name = "musical_key")
    private String musicalKey;
    private String scale;
    @Column(name = "key_strength")
    private Double keyStrength;
    @Column(name = "loudness_lufs")
    private Double loudnessLufs;
    @Column(name = "loudness_range")
    private Double loudnessRange;
    private Double energy;
    private Double danceability;
    @Column(name = "dynamic_complexity")
    private Double dynamicComplexity;
    @Column(name = "spectral_centroid_mean")
    private Double spectralCentroidMean;
    @Column(name = "spectral_bandwidth_mean")
    private Double spectralBandwidthMean;
    @Column(name = "null_reasons", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String nullReasons;
    @Column(name = "model_version", nullable = false)
    private String modelVersion;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SongDescriptors() {
    }

    public Long getSongId() { return songId; }
    public Double getBpm() { return bpm; }
    public Double getBeatConfidence() { return beatConfidence; }
    public String getMusicalKey() { return musicalKey; }
    public String getScale() { return scale; }
    public Double getKeyStrength() { return keyStrength; }
    public Double getLoudnessLufs() { return loudnessLufs; }
    public Double getLoudnessRange() { return loudnessRange; }
    public Double getEnergy() { return energy; }
    public Double getDanceability() { return danceability; }
    public Double getDynamicComplexity() { return dynamicComplexity; }
    public Double getSpectralCentroidMean() { return spectralCentroidMean; }
    public Double getSpectralBandwidthMean() { return spectralBandwidthMean; }
    public String getNullReasons() { return nullReasons; }
    public String getModelVersion() { return modelVersion; }
    public Instant getUpdatedAt() { return updatedAt; }
}
