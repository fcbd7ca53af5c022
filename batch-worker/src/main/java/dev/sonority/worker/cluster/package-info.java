/**
 * The CLUSTER task: the clustering search of {@code clustering-core} over the library's vectors, spread over every
 * worker as child batch messages (the task's worker is the parent: it issues windows of batches and accepts their
 * outcomes in order), and its playlists
 * saved with source {@code cluster}, replacing the previous run's only when this one succeeds.
 */
package dev.sonority.worker.cluster;
