/** One clustering run: a genre-stratified sample, optional PCA and the clustering itself, all through Smile. */
package dev.sonority.clustering.fit;
