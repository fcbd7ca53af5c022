/** How good one clustering is: the diversity and purity of its clusters' dominant moods or labels. */
package dev.sonority.clustering.fitness;
