package dev.sonority.api.discovery.alchemy;

import dev.sonority.api.discovery.OpenBlas;
import java.util.List;
import smile.feature.extraction.PCA;

/**
 * Two coordinates for each vector of an alchemy answer (its points and its songs), so a page can draw them:
 * their first two principal components (Smile's PCA), centred on their mean.
 */
final class Projection {

    private Projection() {
    }

    static double[][] of(List<float[]> vectors) {
        double[][] xy = new double[vectors.size()][2];
        if (vectors.size() < 3) { // two points have one direction only; lay them on the x axis
            if (vectors.size() == 2) {
                double half = dev.sonority.model.vector.Angular.distance(vectors.get(0), vectors.get(1)) / 2;
                xy[0][0] = -half;
                xy[1][0] = half;
            }
            return xy;
        }
        OpenBlas.require();
        double[][] data = new double[vectors.size()][];
        for (int i = 0; i < data.length; i++) {
            float[] v = vectors.get(i);
            data[i] = new double[v.length];
            for (int d = 0; d < v.length; d++) {
                data[i][d] = v[d];
            }
        }
        double[][] projected = PCA.fit(data).getProjection(2).apply(data);
        for (int i = 0; i < xy.length; i++) {
            xy[i][0] = projected[i][0];
            xy[i][1] = projected[i].length > 1 ? projected[i][1] : 0;
        }
        return xy;
    }
}
