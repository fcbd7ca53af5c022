package dev.sonority.model.vector.store;

import java.util.Collection;
import java.util.List;

/** Writes search vectors into a store that does not load itself from PostgreSQL (Qdrant). Idempotent. */
public interface VectorSink {

    void upsert(String model, List<VectorPoint> points);

    void delete(String model, Collection<Long> songIds);
}
