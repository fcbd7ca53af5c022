package dev.sonority.api.discovery.artists;

import dev.sonority.api.discovery.PrincipalComponents;
import dev.sonority.contract.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;

/**
 * An artist's songs summarised as AudioMuse-AI summarises them: a few songs by their centroid; many songs (at
 * least {@value #MIXTURE_FROM}) by a Gaussian mixture with diagonal covariances, its number of components
 * (1 to {@value #MAX_COMPONENTS}, at most one per five songs) chosen by the Bayesian information criterion.
 *
 * <p>The mixture is fitted in the artist's own leading principal components ({@link PrincipalComponents}: those
 * that hold 90% of the variance, at most {@value #MAX_DIMENSIONS}), not in the model's 200 to 1024 dimensions: there a handful of
 * songs cannot estimate a variance per dimension and the likelihood degenerates (Smile's BIC is NaN at 512
 * dimensions); and in many small directions of noise, ten songs of one style look like two. Each component's direction in the model's space is then the mean of the songs' vectors
 * weighted by how much each song belongs to it, normalised. Smile's EM starts from random seeds: the seed is
 * fixed, so one artist always gets the same summary.
 */
final class ArtistMixture {

    static final int MIXTURE_FROM = 10;
    static final int MAX_COMPONENTS = 8;
    static final int MAX_DIMENSIONS = 8;
    static final double VARIANCE = 0.9;
    private static final long SEED = 42;

    private ArtistMixture() {
    }

    /** The summary of songs with these unit vectors (at least one). */
    static List<MixtureComponent> of(List<float[]> vectors) {
        if (vectors.size() < MIXTURE_FROM) {
            return List.of(new MixtureComponent(centroid(vectors, null, 0), 1));
        }
        PrincipalComponents pca = PrincipalComponents.of(vectors);
        double[][] projected = pca.scores(pca.holding(VARIANCE, Math.min(MAX_DIMENSIONS, vectors.size() - 1)));
        MultivariateMixture best = null;
        double bestBic = Double.NEGATIVE_INFINITY;
        int maxComponents = Math.min(MAX_COMPONENTS, vectors.size() / 5);
        for (int k = 1; k <= maxComponents; k++) {
            MultivariateMixture mixture = fit(k, projected);
            if (mixture == null) {
                continue;
            }
            double bic = mixture.bic(projected); // Smile's BIC: log-likelihood - penalty, larger is better
            if (Double.isFinite(bic) && bic > bestBic) {
                bestBic = bic;
                best = mixture;
            }
        }
        if (best == null || best.size() == 1) {
            return List.of(new MixtureComponent(centroid(vectors, null, 0), 1));
        }
        double[][] responsibilities = new double[projected.length][];
        for (int i = 0; i < projected.length; i++) {
            responsibilities[i] = best.posteriori(projected[i]);
        }
        List<MixtureComponent> components = new ArrayList<>(best.size());
        for (int c = 0; c < best.size(); c++) {
            components.add(new MixtureComponent(centroid(vectors, responsibilities, c), best.components[c].priori()));
        }
        return components;
    }

    /** The mixture of {@code k} components, or null when EM cannot fit that many. */
    private static MultivariateMixture fit(int k, double[][] data) {
        MathEx.setSeed(SEED); // Smile keeps its random generator per thread: this thread's fit is reproducible
        if (k == 1) { // Smile's mixture EM wants two components or more
            return new MultivariateMixture(new MultivariateMixture.Component(1,
                    MultivariateGaussianDistribution.fit(data, true)));
        }
        try {
            return MultivariateGaussianMixture.fit(k, data, true);
        } catch (IllegalArgumentException e) {
            // EM let a component collapse onto one song (zero variance, "Variance is not positive"): the data do
            // not support k components, which is an answer, not a failure
            return null;
        }
    }

    /** The normalised mean of the vectors, each weighted by {@code weights[i][component]} (1 when null). */
    private static float[] centroid(List<float[]> vectors, double[][] weights, int component) {
        double[] sum = new double[vectors.getFirst().length];
        for (int i = 0; i < vectors.size(); i++) {
            double w = weights == null ? 1 : weights[i][component];
            float[] v = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += w * v[d];
            }
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            mean[d] = (float) sum[d];
        }
        return Vectors.normalizeInPlace(mean);
    }
}
