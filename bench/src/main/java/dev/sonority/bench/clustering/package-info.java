/** Bench of the clustering playlists' engine: one KMeans fit against scikit-learn's on the same data. */
package dev.sonority.bench.clustering;
