package dev.sonority.model.song;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file of the music library. Its public id is {@link #getPath()}: relative to the music root, forward
 * slashes, no leading slash, exactly as MPD names it. {@link #getId()} is the internal numeric id used by
 * indexes. Scans write songs in bulk with JDBC; this mapping is for reading and small updates.
 */
@Entity
@Table(name = "song")
public class Song {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String path;

    private String title;
    private String artist;
    private String album;
    @Column(name = "album_artist")
    private String albumArtist;
    private String genre;
    private Integer year;
    @Column(name = "track_number")
    private Integer trackNumber;
    @Column(name = "duration_seconds")
    private Double durationSeconds;
    @Column(name = "file_size", nullable = false)
    private long fileSize;
    @Column(name = "file_mtime", nullable = false)
    private Instant fileMtime;
    private String format;
    private String codec;
    @Column(name = "sample_rate")
    private Integer sampleRate;
    private Integer channels;
    private Integer bitrate;
    @Column(name = "tag_source", nullable = false)
    private String tagSource = "NONE";
    @Column(name = "scan_error")
    private String scanError;
    @Column(name = "missing_since")
    private Instant missingSince;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Song() {
    }

    public Song(String path, long fileSize, Instant fileMtime) {
        this.path = path;
        this.fileSize = fileSize;
        this.fileMtime = fileMtime;
        this.addedAt = Instant.now();
        this.updatedAt = this.addedAt;
    }

    public Long getId() { return id; }
    public String getPath() { return path; }
    public String getTitle() { return title; }
    public String getArtist() { return artist; }
    public String getAlbum() { return album; }
    public String getAlbumArtist() { return albumArtist; }
    public String getGenre() { return genre; }
    public Integer getYear() { return year; }
    public Integer getTrackNumber() { return trackNumber; }
    public Double getDurationSeconds() { return durationSeconds; }
    public long getFileSize() { return fileSize; }
    public Instant getFileMtime() { return fileMtime; }
    public String getFormat() { return format; }
    public String getCodec() { return codec; }
    public Integer getSampleRate() { return sampleRate; }
    public Integer getChannels() { return channels; }
    public Integer getBitrate() { return bitrate; }
    public String getTagSource() { return tagSource; }
    public String getScanError() { return scanError; }
    public Instant getMissingSince() { return missingSince; }
    public Instant getAddedAt() { return addedAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    public void setTitle(String title) { this.title = title; }
    public void setArtist(String artist) { this.artist = artist; }
    public void setAlbum(String album) { this.album = album; }
    public void setAlbumArtist(String albumArtist) { this.albumArtist = albumArtist; }
    public void setGenre(String genre) { this.genre = genre; }
    public void setYear(Integer year) { this.year = year; }
    public void setTrackNumber(Integer trackNumber) { this.trackNumber = trackNumber; }
    public void setDurationSeconds(Double durationSeconds) { this.durationSeconds = durationSeconds; }
    public void setFileSize(long fileSize) { this.fileSize = fileSize; }
    public void setFileMtime(Instant fileMtime) { this.fileMtime = fileMtime; }
    public void setFormat(String format) { this.format = format; }
    public void setCodec(String codec) { this.codec = codec; }
    public void setSampleRate(Integer sampleRate) { this.sampleRate = sampleRate; }
    public void setChannels(Integer channels) { this.channels = channels; }
    public void setBitrate(Integer bitrate) { this.bitrate = bitrate; }
    public void setTagSource(String tagSource) { this.tagSource = tagSource; }
    public void setScanError(String scanError) { this.scanError = scanError; }
    public void setMissingSince(Instant missingSince) { this.missingSince = missingSince; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
