package dev.sonority.api.discovery;

import java.util.Arrays;
import java.util.List;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/**
 * Principal component scores of a few vectors in many dimensions (an alchemy answer's 55 points in 512; an
 * artist's songs), from the eigendecomposition of their n x n Gram matrix (Smile, LAPACK's symmetric
 * solver): with the centred rows X and X Xᵀ = U Λ Uᵀ, the score of row i on component k is {@code U[i][k]
 * sqrt(λ_k)}, exactly what PCA on the d x d covariance gives. Smile's own {@code PCA} takes that d x d route
 * when rows are fewer than dimensions, filling the 512 x 512 covariance one element at a time: 50 to 200 ms
 * for an alchemy answer, against well under a millisecond here.
 */
public final class PrincipalComponents {

    /** {@code scores[i][k]}, components by decreasing variance. */
    private final double[][] scores;
    private final double[] variances;

    private PrincipalComponents(double[][] scores, double[] variances) {
        this.scores = scores;
        this.variances = variances;
    }

    /** The principal components of these rows (at least two, all of one length). */
    public static PrincipalComponents of(List<float[]> rows) {
        OpenBlas.require();
        int n = rows.size();
        int d = rows.getFirst().length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = rows.get(i)[j] - mean[j];
            }
        }
        double[][] gram = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += centred[a][j] * centred[b][j];
                }
                gram[a][b] = gram[b][a] = dot;
            }
        }
        EVD evd = DenseMatrix.of(gram).withUplo(UPLO.LOWER).eigen();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (x, y) -> Double.compare(evd.wr().get(y), evd.wr().get(x)));
        double[][] scores = new double[n][n];
        double[] variances = new double[n];
        for (int k = 0; k < n; k++) {
            double lambda = Math.max(0, evd.wr().get(order[k])); // rounding can make a zero slightly negative
            variances[k] = lambda;
            double scale = Math.sqrt(lambda);
            for (int i = 0; i < n; i++) {
                scores[i][k] = evd.Vr().get(i, order[k]) * scale;
            }
        }
        return new PrincipalComponents(scores, variances);
    }

    /** Each row's scores on the first {@code components} components. */
    public double[][] scores(int components) {
        double[][] leading = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            leading[i] = Arrays.copyOf(scores[i], components); // zeros beyond the rank
        }
        return leading;
    }

    /** The fewest leading components that hold {@code share} of the variance, at most {@code limit}. */
    public int holding(double share, int limit) {
        double total = Arrays.stream(variances).sum();
        double held = 0;
        for (int k = 0; k < Math.min(limit, variances.length); k++) {
            held += variances[k];
            if (held >= share * total) {
                return k + 1;
            }
        }
        return Math.min(limit, variances.length);
    }
}
