package dev.sonority.api.instant;

import dev.sonority.api.search.SongSummary;
import dev.sonority.contract.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Play order as a smooth walk: start from the best match, then always go to the nearest song not yet played
 * (greedy nearest neighbour on one model's unit vectors, cosine), so neighbouring songs sound alike. Songs
 * without a vector in that model follow in rank order.
 *
 * <p>A stand-in kept to one class: the discovery feature's walk ({@code order=walk} of similar songs) replaces
 * it when both are merged.
 */
final class WalkOrder {

    private WalkOrder() {
    }

    /** @param vectors unit vectors by song id, of one model; songs missing here are appended */
    static List<SongSummary> order(List<SongSummary> ranked, Map<Long, float[]> vectors) {
        List<SongSummary> walkable = new ArrayList<>();
        List<SongSummary> rest = new ArrayList<>();
        ranked.forEach(song -> (vectors.containsKey(song.id()) ? walkable : rest).add(song));
        List<SongSummary> walk = new ArrayList<>(ranked.size());
        if (!walkable.isEmpty()) {
            boolean[] played = new boolean[walkable.size()];
            int current = 0; // the best match starts
            for (int step = 0; step < walkable.size(); step++) {
                played[current] = true;
                walk.add(walkable.get(current));
                float[] here = vectors.get(walkable.get(current).id());
                int next = -1;
                double best = Double.NEGATIVE_INFINITY;
                for (int candidate = 0; candidate < walkable.size(); candidate++) {
                    if (!played[candidate]) {
                        double similarity = Vectors.dot(here, vectors.get(walkable.get(candidate).id()));
                        if (similarity > best) { // strict: ties go to the better-ranked song
                            best = similarity;
                            next = candidate;
                        }
                    }
                }
                if (next < 0) {
                    break;
                }
                current = next;
            }
        }
        walk.addAll(rest);
        return walk;
    }
}
