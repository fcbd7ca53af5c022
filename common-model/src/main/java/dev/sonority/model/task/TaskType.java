package dev.sonority.model.task;

import java.util.Locale;

/**
 * What a task does. The display name is what Lainbow calls it (clients show it); the routing key names the
 * RabbitMQ queue its messages travel on.
 */
public enum TaskType {
    SCAN("Library Scan"),
    VACUUM("Library Vacuum"),
    ANALYZE("Analyze Songs"),
    /** Recomputes the acoustic statistics and rewrites every acoustic search vector from the stored raw values. */
    REVECTORISE("Re-vectorise Acoustic Features"),
    /** Fills Qdrant from PostgreSQL's search vectors (VECTOR_STORE=qdrant): every model, or those requested. */
    REINDEX("Vector Reindex"),
    /** The clustering search over the library and its playlists (source {@code cluster}). */
    CLUSTER("Clustering"),
    /** The library map: a 2-D projection of one model's vectors, stored in {@code song_map}. */
    MAP("Library Map");

    private final String displayName;

    TaskType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Lower-case name used in routing keys, queue names and the API ({@code scan}, {@code analyze}, ...). */
    public String routingKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
