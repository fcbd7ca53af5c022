package dev.sonority.api.discovery.artists;

import dev.sonority.contract.vector.Angular;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * The distance between two artists' summaries, AudioMuse-AI's soft Chamfer distance: each component of one
 * artist is matched with the nearest component of the other, the distances are averaged with the components'
 * weights, and the two directions are averaged. Two one-component artists are simply the angle between their
 * centroids; an artist whose styles are a subset of another's is near it, but not at distance zero.
 * Distances are angular (arccos(cos)/pi), as everywhere in discovery.
 */
final class SoftChamfer {

    private SoftChamfer() {
    }

    static double distance(List<MixtureComponent> a, List<MixtureComponent> b) {
        return 0.5 * (oneWay(a, b) + oneWay(b, a));
    }

    private static double oneWay(List<MixtureComponent> from, List<MixtureComponent> to) {
        double weights = 0;
        double sum = 0;
        for (MixtureComponent x : from) {
            double nearest = Double.POSITIVE_INFINITY;
            for (MixtureComponent y : to) {
                nearest = Math.min(nearest, Angular.ofCosine(VectorUtil.dotProduct(x.vector(), y.vector())));
            }
            sum += x.weight() * nearest;
            weights += x.weight();
        }
        return weights == 0 ? 1 : sum / weights;
    }
}
