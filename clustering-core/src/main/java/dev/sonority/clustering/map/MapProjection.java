package dev.sonority.clustering.map;

import java.util.Arrays;
import smile.feature.extraction.PCA;
import smile.graph.NearestNeighborGraph;
import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * Projects vectors to 2-D with Smile's UMAP (McInnes et al. 2018), or with PCA when asked or when there are fewer
 * than {@link #UMAP_MIN_SONGS} vectors (UMAP's 15-neighbour graph means little on fewer).
 *
 * <p>Songs outside the largest connected component: Smile 6.3's {@code UMAP.fit} optimises every row of its
 * input, whatever the k-NN graph's components (older Smile returned only the largest component's rows), so every
 * song gets a position: a component apart from the rest starts where its PCA scores put it and is then refined by
 * its own edges. {@code MapProjectionTest} checks this on a graph with two components.
 *
 * <p>Why a small detached clique is added to graphs of up to 10,000 vectors: for those Smile checks whether the
 * graph is connected and, if it is, starts from the graph's spectral layout, an eigenproblem it solves with ARPACK,
 * a native library ({@code libarpack.so}) that neither the worker's image nor a plain Debian install has (the same
 * reason {@code LandmarkSpectral} exists). Above 10,000 vectors Smile always starts from the PCA scores. To get
 * that same PCA start below 10,000, {@link #DETACHED} extra points, all at the mean of the vectors (so they leave
 * the principal axes unchanged), are linked only to each other, the graph has two components and Smile takes the
 * PCA start; the extra rows are dropped from the answer. They touch the real points only as rare negative samples.
 *
 * <p>Deterministic for a seed: Smile keeps its random generator per thread and this class seeds it on the calling
 * thread; the parts of Smile's UMAP that run in parallel (exact k-NN search, distance smoothing) draw no random
 * numbers.
 */
public final class MapProjection {

    /** Fewer vectors than this are projected with PCA whatever was asked. */
    public static final int UMAP_MIN_SONGS = 16;
    /** UMAP's neighbourhood size (umap-learn's default). */
    public static final int NEIGHBOURS = 15;
    /** Distance between the closest points of the layout (umap-learn's default). */
    static final double MIN_DIST = 0.1;
    /** Up to this many vectors Smile searches neighbours exactly and checks connectivity; above, NN-descent. */
    static final int EXACT_LIMIT = 10_000;
    /** Size of the detached clique that keeps Smile from the ARPACK spectral start (see the class comment). */
    static final int DETACHED = NEIGHBOURS + 1;

    private MapProjection() {
    }

    public static Layout project(double[][] vectors, MapMethod requested, long seed) {
        int n = vectors.length;
        if (n == 0) {
            return new Layout(MapMethod.PCA, new double[0][2]);
        }
        if (requested == MapMethod.UMAP && n >= UMAP_MIN_SONGS) {
            return new Layout(MapMethod.UMAP, umap(vectors, neighbours(vectors, seed), seed));
        }
        return new Layout(MapMethod.PCA, pca(vectors));
    }

    /** The k-NN graph UMAP starts from, as Smile builds it (exact up to 10,000 vectors, NN-descent above). */
    public static NearestNeighborGraph neighbours(double[][] vectors, long seed) {
        MathEx.setSeed(seed);
        int k = Math.min(NEIGHBOURS, vectors.length - 1);
        return vectors.length <= EXACT_LIMIT ? NearestNeighborGraph.of(vectors, k)
                : NearestNeighborGraph.descent(vectors, k);
    }

    /** UMAP's layout of {@code vectors} from their k-NN graph: one {x, y} per vector. */
    public static double[][] umap(double[][] vectors, NearestNeighborGraph graph, long seed) {
        MathEx.setSeed(seed);
        // epochs 0: Smile's own choice (500 up to 10,000 vectors, 200 above), as umap-learn does
        UMAP.Options options = new UMAP.Options(graph.k(), 2, 0, 1.0, MIN_DIST, 1.0, 5, 1.0, 1.0);
        if (vectors.length > EXACT_LIMIT) {
            return UMAP.fit(vectors, graph, options);
        }
        double[][] padded = withDetachedClique(vectors);
        double[][] layout = UMAP.fit(padded, withDetachedClique(graph, vectors.length), options);
        return Arrays.copyOf(layout, vectors.length);
    }

    private static double[][] withDetachedClique(double[][] vectors) {
        double[] mean = MathEx.colMeans(vectors);
        double[][] padded = Arrays.copyOf(vectors, vectors.length + DETACHED);
        for (int i = vectors.length; i < padded.length; i++) {
            padded[i] = mean.clone();
        }
        return padded;
    }

    /** The graph plus {@link #DETACHED} nodes, each the neighbour of the others at distance 1, of no real node. */
    private static NearestNeighborGraph withDetachedClique(NearestNeighborGraph graph, int n) {
        int k = graph.k();
        int[][] neighbours = Arrays.copyOf(graph.neighbors(), n + DETACHED);
        double[][] distances = Arrays.copyOf(graph.distances(), n + DETACHED);
        for (int d = 0; d < DETACHED; d++) {
            int[] row = new int[k];
            double[] dist = new double[k];
            for (int j = 0, other = 0; j < k; other++) {
                if (other != d) {
                    row[j] = n + other;
                    dist[j] = 1.0;
                    j++;
                }
            }
            neighbours[n + d] = row;
            distances[n + d] = dist;
        }
        return new NearestNeighborGraph(k, neighbours, distances);
    }

    /** Scores on the first two principal components; a component the data does not have is 0. */
    static double[][] pca(double[][] vectors) {
        int n = vectors.length;
        int d = vectors[0].length;
        double[][] out = new double[n][2];
        if (n < 2) {
            return out; // one song: the origin
        }
        int components = Math.min(2, Math.min(d, n - 1));
        double[][] scores = PCA.fit(vectors).getProjection(components).apply(vectors);
        for (int i = 0; i < n; i++) {
            System.arraycopy(scores[i], 0, out[i], 0, components);
        }
        return out;
    }
}
