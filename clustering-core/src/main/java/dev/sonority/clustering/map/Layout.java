package dev.sonority.clustering.map;

/**
 * A projection's answer: row i of {@code points} is {x, y} of input vector i (every input gets a position), and
 * the method that produced it, which is PCA when UMAP was asked for a library too small for it.
 */
public record Layout(MapMethod method, double[][] points) {
}
