package dev.sonority.clustering.playlists;

/** The two vector sums post-processing needs. */
final class Geometry {

    private Geometry() {
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    static double[] centroid(double[][] vectors, int[] members) {
        double[] mean = new double[vectors[members[0]].length];
        for (int m : members) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += vectors[m][j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= members.length;
        }
        return mean;
    }
}
