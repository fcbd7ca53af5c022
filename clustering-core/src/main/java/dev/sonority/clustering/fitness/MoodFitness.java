package dev.sonority.clustering.fitness;

import dev.sonority.clustering.fit.Partition;

/**
 * The reference's mood fitness. Each cluster's dominant label is the largest entry of its songs' mean label
 * scores. <em>Diversity</em> sums, over the distinct dominant labels, the best mean score any cluster gives
 * that label (many clusters with the same mood count once); <em>purity</em> sums, over the clusters, the
 * mean score of their songs for the cluster's dominant label. Each raw sum is log1p-transformed, as the
 * reference does so a few very strong clusters do not dominate, and divided by the log1p of its largest
 * possible value (scores are at most 1: diversity at most one per label, purity one per cluster), so both
 * lie in [0, 1] whatever the number of clusters and labels.
 *
 * <p>The reference normalises with the mean and deviation of its own libraries' scores instead; those
 * constants say nothing about another library, and a bounded scale keeps the weights meaningful.
 */
public final class MoodFitness {

    private MoodFitness() {
    }

    /** The fitness of {@code partition} over songs with label rows {@code scores} (index-aligned). */
    public static Fitness score(Partition partition, double[][] scores, FitnessWeights weights) {
        int k = partition.k();
        int labels = scores.length == 0 ? 0 : scores[0].length;
        double[][] means = new double[k][labels];
        int[] sizes = partition.sizes();
        int[] of = partition.labels();
        for (int i = 0; i < of.length; i++) {
            if (of[i] != Partition.NOISE) {
                double[] sum = means[of[i]];
                for (int j = 0; j < labels; j++) {
                    sum[j] += scores[i][j];
                }
            }
        }
        int[] dominant = new int[k];
        double[] purity = new double[k];
        double[] bestPerLabel = new double[labels];
        int clustersWithSongs = 0;
        for (int c = 0; c < k; c++) {
            dominant[c] = -1;
            if (sizes[c] == 0 || labels == 0) {
                continue;
            }
            clustersWithSongs++;
            int best = 0;
            for (int j = 0; j < labels; j++) {
                means[c][j] /= sizes[c];
                if (means[c][j] > means[c][best]) {
                    best = j;
                }
            }
            dominant[c] = best;
            purity[c] = means[c][best]; // the mean of the songs' scores for the dominant label
            bestPerLabel[best] = Math.max(bestPerLabel[best], means[c][best]);
        }
        double diversityRaw = 0;
        int distinct = 0;
        for (int j = 0; j < labels; j++) {
            diversityRaw += bestPerLabel[j];
            distinct += bestPerLabel[j] > 0 ? 1 : 0;
        }
        double purityRaw = 0;
        for (double p : purity) {
            purityRaw += p;
        }
        double diversity = normalised(diversityRaw, Math.min(labels, Math.max(1, clustersWithSongs)));
        double purityScore = normalised(purityRaw, Math.max(1, clustersWithSongs));
        double score = weights.moodDiversity() * diversity + weights.moodPurity() * purityScore;
        return new Fitness(distinct == 0 ? 0 : score, diversity, purityScore, dominant, purity);
    }

    private static double normalised(double raw, int largest) {
        return largest <= 0 ? 0 : Math.log1p(raw) / Math.log1p(largest);
    }
}
