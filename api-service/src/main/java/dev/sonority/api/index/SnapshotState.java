package dev.sonority.api.index;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an index snapshot holds, written as the user data of each Lucene commit and compared with PostgreSQL
 * when the snapshot is opened again.
 *
 * <p>Layout (all values strings): {@code format} = {@value #FORMAT_VERSION}, {@code model} the model name,
 * {@code dim} the vector dimension, {@code count} the number of songs, {@code max_updated_at} the newest
 * {@code embedding.updated_at} loaded (ISO-8601, microseconds), empty when the index is empty.
 */
record SnapshotState(String model, int dim, long count, Instant maxUpdatedAt) {

    /** Bump when the document layout of {@link LuceneModelIndex} changes; older snapshots are rebuilt. */
    static final int FORMAT_VERSION = 1;

    Map<String, String> toUserData() {
        return Map.of("format", Integer.toString(FORMAT_VERSION), "model", model, "dim", Integer.toString(dim),
                "count", Long.toString(count), "max_updated_at", maxUpdatedAt == null ? "" : maxUpdatedAt.toString());
    }

    /** The state stored in a commit, empty when it was written by another format version or another model. */
    static Optional<SnapshotState> fromUserData(String model, Map<String, String> data) {
        if (!Integer.toString(FORMAT_VERSION).equals(data.get("format")) || !model.equals(data.get("model"))) {
            return Optional.empty();
        }
        try {
            String max = data.getOrDefault("max_updated_at", "");
            return Optional.of(new SnapshotState(model, Integer.parseInt(data.get("dim")),
                    Long.parseLong(data.get("count")), max.isEmpty() ? null : Instant.parse(max)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
