package dev.sonority.api.discovery.path;

import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.search.SongSummary;
import dev.sonority.contract.vector.Angular;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The candidates of a path, as AudioMuse-AI finds them: the points between the end songs spread evenly along
 * the great circle ({@link Angular#interpolate}, {@code steps - 2} of them), and each point's nearest songs in
 * the index, the end songs excluded.
 */
@Component
public class PathCandidates {

    /**
     * The candidates of every point, the songs they name (for the answer), and the time spent in the index.
     *
     * @param layers the candidates of each point, nearest first
     */
    public record Layers(List<List<PathSong>> layers, Map<Long, SongSummary> songs, long indexNanos) {
    }

    private final VectorStore store;
    private final SongCatalog catalog;

    PathCandidates(VectorStore store, SongCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** One song as a path sees it; empty when it has no vector of {@code model} or its file is gone. */
    public Optional<PathSong> song(String model, long id) {
        SongSummary summary = catalog.summaries(List.of(id)).get(id);
        return summary == null ? Optional.empty() : store.vector(model, id).map(v -> of(summary, v));
    }

    /**
     * @param steps songs in the path, the ends included
     * @param perPoint candidates asked of the index for each point
     */
    public Layers collect(String model, PathSong from, PathSong to, int steps, int perPoint) {
        VectorFilter notTheEnds = VectorFilter.excluding(Set.of(from.id(), to.id()));
        List<List<VectorHit>> hits = new ArrayList<>();
        Set<Long> ids = new LinkedHashSet<>();
        long indexNanos = 0;
        for (int i = 1; i < steps - 1; i++) {
            float[] point = Vectors.normalizeInPlace(Angular.interpolate(from.vector(), to.vector(), i / (double) (steps - 1)));
            long start = System.nanoTime();
            List<VectorHit> nearest = store.nearest(model, point, perPoint, notTheEnds);
            indexNanos += System.nanoTime() - start;
            hits.add(nearest);
            nearest.forEach(hit -> ids.add(hit.songId()));
        }
        Map<Long, SongSummary> songs = new HashMap<>(catalog.summaries(ids));
        Map<Long, float[]> vectors = store.vectors(model, ids);
        Map<Long, PathSong> known = new HashMap<>();
        List<List<PathSong>> layers = new ArrayList<>(hits.size());
        for (List<VectorHit> point : hits) {
            List<PathSong> layer = new ArrayList<>(point.size());
            for (VectorHit hit : point) {
                SongSummary summary = songs.get(hit.songId());
                float[] vector = vectors.get(hit.songId());
                if (summary != null && vector != null) { // else deleted, or its file gone, since the index refreshed
                    layer.add(known.computeIfAbsent(hit.songId(), id -> of(summary, vector)));
                }
            }
            layers.add(layer);
        }
        return new Layers(layers, songs, indexNanos);
    }

    private static PathSong of(SongSummary summary, float[] vector) {
        return new PathSong(summary.id(), vector, summary.artistKey(), summary.signature());
    }
}
