package dev.sonority.model.vector.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import dev.sonority.model.vector.store.VectorPoint;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a song is stored in Qdrant: the point id is the song id (Qdrant takes unsigned 64-bit ids, song ids
 * are positive), the vector is the song's search vector, and the payload carries {@code song_id} and the
 * filterable fields. Payload values are strings, integers, finite floats or booleans; others are dropped.
 */
public final class QdrantPoints {

    /** Payload key of the song id (the point id says it too; the payload keeps it readable in Qdrant's UI). */
    public static final String SONG_ID = "song_id";

    private QdrantPoints() {
    }

    public static PointId pointId(long songId) {
        if (songId <= 0) {
            throw new IllegalArgumentException("song id must be positive, not " + songId);
        }
        return id(songId);
    }

    public static List<PointId> pointIds(java.util.Collection<Long> songIds) {
        return songIds.stream().map(QdrantPoints::pointId).toList();
    }

    public static long songId(PointId id) {
        if (id.getPointIdOptionsCase() != PointId.PointIdOptionsCase.NUM) {
            throw new IllegalStateException("Qdrant point " + id + " has no numeric id: not written by Sonority");
        }
        return id.getNum();
    }

    public static PointStruct point(VectorPoint point) {
        Map<String, Value> payload = new LinkedHashMap<>();
        point.payload().forEach((key, v) -> {
            Value converted = toValue(v);
            if (converted != null) {
                payload.put(key, converted);
            }
        });
        payload.put(SONG_ID, value(point.songId()));
        return PointStruct.newBuilder().setId(pointId(point.songId())).setVectors(vectors(point.vector()))
                .putAllPayload(payload).build();
    }

    /** The dense vector of a retrieved point. */
    public static float[] vector(VectorsOutput vectors) {
        List<Float> data = VectorOutputHelper.getDenseVector(vectors.getVector()).getDataList();
        float[] vector = new float[data.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = data.get(i);
        }
        return vector;
    }

    private static Value toValue(Object v) {
        return switch (v) {
            case String s -> value(s);
            case Integer i -> value(i.longValue());
            case Long l -> value(l);
            case Short s -> value(s.longValue());
            case Boolean b -> value(b);
            case Number n when Double.isFinite(n.doubleValue()) -> value(n.doubleValue());
            default -> null;
        };
    }
}
