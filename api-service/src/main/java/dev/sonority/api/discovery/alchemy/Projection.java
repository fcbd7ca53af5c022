package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.PrincipalComponents;
import java.util.List;

/**
 * Two coordinates for each vector of an alchemy answer (its points and its songs), so a page can draw them:
 * their scores on the first two principal components ({@link PrincipalComponents}).
 */
final class Projection {

    private Projection() {
    }

    static double[][] of(List<float[]> vectors) {
        if (vectors.size() < 2) {
            return new double[vectors.size()][2]; // one point: the origin
        }
        return PrincipalComponents.of(vectors).scores(2);
    }
}
