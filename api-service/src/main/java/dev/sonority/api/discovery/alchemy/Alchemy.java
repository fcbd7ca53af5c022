package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.search.ModelChain;
import dev.sonority.api.search.Rounding;
import dev.sonority.api.search.SongCatalog;
import dev.sonority.api.search.SongFields;
import dev.sonority.api.search.SongSummary;
import dev.sonority.api.web.ApiException;
import dev.sonority.contract.vector.Angular;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.springframework.stereotype.Component;

/**
 * Song alchemy with AudioMuse-AI's semantics, in the first model of the fallback chain with vectors of every
 * item. Candidates are the nearest songs of each ADD point (the {@value #MAX_QUERY_POINTS} heaviest points; three
 * times {@code n} in all, at least {@code n / 4} per point), the items' own songs (a song item's, a playlist's) excluded; a candidate closer
 * than {@code subtract_distance} to any SUBTRACT point is dropped; the {@code 3n} nearest of the rest (by their
 * distance to the nearest ADD point) are kept, one per work (artist + title, the items' songs' works
 * included), and {@code n} are drawn by softmax sampling at {@code temperature} ({@link SoftmaxDraw}). Where
 * the reference stops short when subtraction leaves fewer than {@code n}, candidates are fetched once more, four
 * times as many.
 */
@Component
public class Alchemy {

    /** AudioMuse-AI's {@code ALCHEMY_MAX_ANCHOR_POINTS}. */
    static final int MAX_QUERY_POINTS = 16;
    static final int MAX_PER_POINT = 2_000;

    /**
     * An answer, its songs' ids in the answer's order, and the time spent in the index.
     */
    public record Answered(AlchemyAnswer answer, List<Long> songIds, long indexNanos) {
        public Answered {
            songIds = List.copyOf(songIds);
        }
    }

    /** A candidate song and its distance to the nearest ADD point. */
    private record Candidate(SongSummary song, float[] vector, double distance) {
    }

    /** The candidates left to draw from, nearest first, and how many subtraction dropped. */
    private record Kept(List<Candidate> candidates, int filteredOut) {
    }

    private final ModelChain models;
    private final AnchorPoints anchors;
    private final VectorStore store;
    private final SongCatalog catalog;

    Alchemy(ModelChain models, AnchorPoints anchors, VectorStore store, SongCatalog catalog) {
        this.models = models;
        this.anchors = anchors;
        this.store = store;
        this.catalog = catalog;
    }

    /** @throws ApiException 404 when no model has vectors of every item */
    public Answered blend(AlchemyQuery query) {
        return models.first(query.model(), model -> anchors.of(model, query.add())
                .flatMap(add -> anchors.of(model, query.subtract()).map(subtract -> blend(model, query, add, subtract))))
                .orElseThrow(() -> ApiException.notFound("No model has vectors of every item (" + models.tried(query.model())
                        + "): run analyze (POST /api/v1/batch/analyze/run), with musicnn for moods."));
    }

    private Answered blend(String model, AlchemyQuery query, List<AnchorPoint> add, List<AnchorPoint> subtract) {
        Set<Long> seeds = new HashSet<>();
        for (AlchemyItem item : concat(query.add(), query.subtract())) {
            if (item instanceof AlchemyItem.Song song) {
                seeds.add(song.id());
            } else if (item instanceof AlchemyItem.Playlist playlist) {
                seeds.addAll(playlist.songs());
            }
        }
        long indexNanos = 0;
        int perPoint = perPoint(query.n(), Math.min(add.size(), MAX_QUERY_POINTS));
        Kept kept;
        while (true) {
            long start = System.nanoTime();
            Set<Long> found = nearest(model, add, perPoint, seeds);
            indexNanos += System.nanoTime() - start;
            kept = candidates(model, found, add, subtract, query, seeds);
            boolean more = kept.candidates().size() < query.n() && kept.filteredOut() > 0 && found.size() >= perPoint
                    && perPoint < MAX_PER_POINT;
            if (!more) {
                break;
            }
            perPoint = Math.min(MAX_PER_POINT, perPoint * 4);
        }
        List<Candidate> candidates = kept.candidates();
        double[] distances = candidates.stream().mapToDouble(Candidate::distance).toArray();
        List<Candidate> drawn = new ArrayList<>();
        for (int index : SoftmaxDraw.draw(distances, query.n(), query.temperature(), query.seed())) {
            drawn.add(candidates.get(index));
        }
        return new Answered(answer(model, query, add, subtract, drawn, kept.filteredOut()),
                drawn.stream().map(c -> c.song().id()).toList(), indexNanos);
    }

    /** AudioMuse-AI's share: all {@code 3n} from one point; else {@code 3n} split, but no fewer than {@code n/4}. */
    static int perPoint(int n, int points) {
        int target = 3 * n;
        return points == 1 ? target : Math.max(n / 4, (target + points - 1) / points);
    }

    private Set<Long> nearest(String model, List<AnchorPoint> add, int perPoint, Set<Long> seeds) {
        List<AnchorPoint> heaviest = add.stream().sorted(Comparator.comparingDouble(AnchorPoint::weight).reversed())
                .limit(MAX_QUERY_POINTS).toList();
        VectorFilter notTheItems = VectorFilter.excluding(seeds);
        Set<Long> found = new LinkedHashSet<>();
        for (AnchorPoint point : heaviest) {
            for (VectorHit hit : store.nearest(model, unit(point.vector()), perPoint, notTheItems)) {
                found.add(hit.songId());
            }
        }
        return found;
    }

    private Kept candidates(String model, Set<Long> found, List<AnchorPoint> add, List<AnchorPoint> subtract,
            AlchemyQuery query, Set<Long> seeds) {
        Map<Long, SongSummary> songs = catalog.summaries(found);
        Map<Long, float[]> vectors = store.vectors(model, found);
        List<Candidate> near = new ArrayList<>();
        int filteredOut = 0;
        for (long id : found) {
            SongSummary song = songs.get(id);
            float[] vector = vectors.get(id);
            if (song == null || vector == null) {
                continue;
            }
            if (within(vector, subtract, query.subtractDistance())) {
                filteredOut++;
                continue;
            }
            near.add(new Candidate(song, vector, nearestDistance(vector, add)));
        }
        near.sort(Comparator.comparingDouble(Candidate::distance).thenComparingLong(c -> c.song().id()));
        Set<String> works = new HashSet<>();
        catalog.summaries(seeds).values().forEach(seed -> {
            if (seed.signature() != null) {
                works.add(seed.signature());
            }
        });
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : near) {
            if (kept.size() == 3 * query.n()) {
                break;
            }
            String work = candidate.song().signature();
            if (work == null || works.add(work)) {
                kept.add(candidate);
            }
        }
        return new Kept(kept, filteredOut);
    }

    private static boolean within(float[] vector, List<AnchorPoint> points, double distance) {
        for (AnchorPoint point : points) {
            if (distance(vector, point.vector()) < distance) {
                return true;
            }
        }
        return false;
    }

    private static double nearestDistance(float[] vector, List<AnchorPoint> points) {
        double nearest = Double.POSITIVE_INFINITY;
        for (AnchorPoint point : points) {
            nearest = Math.min(nearest, distance(vector, point.vector()));
        }
        return nearest;
    }

    /** Angular distance; song vectors are unit length, points (centroids, components) too. */
    private static double distance(float[] a, float[] b) {
        return Angular.ofCosine(VectorUtil.dotProduct(a, b));
    }

    private AlchemyAnswer answer(String model, AlchemyQuery query, List<AnchorPoint> add, List<AnchorPoint> subtract,
            List<Candidate> drawn, int filteredOut) {
        List<float[]> vectors = new ArrayList<>();
        add.forEach(p -> vectors.add(p.vector()));
        subtract.forEach(p -> vectors.add(p.vector()));
        drawn.forEach(c -> vectors.add(c.vector()));
        double[][] xy = Projection.of(vectors);
        List<AlchemyAnswer.Point> points = new ArrayList<>();
        int row = 0;
        for (AnchorPoint point : add) {
            points.add(point("add", point, xy[row++]));
        }
        for (AnchorPoint point : subtract) {
            points.add(point("subtract", point, xy[row++]));
        }
        List<AlchemyAnswer.Song> songs = new ArrayList<>(drawn.size());
        for (Candidate candidate : drawn) {
            double[] at = xy[row++];
            songs.add(new AlchemyAnswer.Song(SongFields.of(candidate.song()), Rounding.six(candidate.distance()),
                    Rounding.six(at[0]), Rounding.six(at[1])));
        }
        return new AlchemyAnswer(model, query.seed(), query.temperature(), songs, points, "pca", filteredOut,
                message(query, songs.size(), filteredOut));
    }

    private static String message(AlchemyQuery query, int drawn, int filteredOut) {
        if (drawn == 0 && filteredOut > 0) {
            return "Every candidate was within subtract_distance (" + query.subtractDistance() + ") of a SUBTRACT item;"
                    + " subtract less, or lower subtract_distance.";
        }
        if (drawn == 0) {
            return "No other song has a vector of this model.";
        }
        if (drawn < query.n()) {
            return drawn + " of " + query.n() + " songs: no more candidates " + (filteredOut > 0
                    ? "outside subtract_distance of the SUBTRACT items" : "in the library") + ".";
        }
        return null;
    }

    private static AlchemyAnswer.Point point(String side, AnchorPoint point, double[] at) {
        return new AlchemyAnswer.Point(side, point.item().named(), point.label(), Rounding.six(point.weight()),
                Rounding.six(at[0]), Rounding.six(at[1]));
    }

    private static float[] unit(float[] v) {
        return dev.sonority.contract.vector.Vectors.normalizeInPlace(v.clone());
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
