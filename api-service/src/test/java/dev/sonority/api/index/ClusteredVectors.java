package dev.sonority.api.index;

import java.util.Random;

/**
 * Generated unit vectors in Gaussian clusters around random centres (music embeddings are clustered by
 * genre and artist; uniform random vectors would make the graph's job unrealistically hard and easy at once).
 */
final class ClusteredVectors {

    private ClusteredVectors() {
    }

    static float[][] generate(long seed, int count, int dim, int clusters, double spread) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = unit(gaussian(random, dim, 1.0, null));
        }
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            vectors[i] = unit(gaussian(random, dim, spread, centres[random.nextInt(clusters)]));
        }
        return vectors;
    }

    private static float[] gaussian(Random random, int dim, double sigma, float[] around) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) ((around == null ? 0 : around[d]) + sigma * random.nextGaussian());
        }
        return v;
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (v[d] / norm);
        }
        return v;
    }

    /** Brute-force top-k by cosine (plain double loops, independent of Lucene). */
    static long[] exactTopK(float[][] vectors, long[] ids, float[] query, int k, java.util.Set<Long> excluded) {
        Integer[] order = new Integer[vectors.length];
        double[] scores = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            order[i] = i;
            double dot = 0;
            for (int d = 0; d < query.length; d++) {
                dot += (double) query[d] * vectors[i][d];
            }
            scores[i] = dot;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return java.util.Arrays.stream(order).mapToLong(i -> ids[i]).filter(id -> !excluded.contains(id))
                .limit(k).toArray();
    }
}
