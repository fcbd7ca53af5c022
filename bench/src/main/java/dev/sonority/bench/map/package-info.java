/** The library map's bench: UMAP and PCA of a large library, the k-NN graph against pynndescent's. */
package dev.sonority.bench.map;
