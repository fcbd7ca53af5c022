/** The library map: a 2-D projection of a model's vectors (UMAP, or PCA for small libraries or on request). */
package dev.sonority.clustering.map;
