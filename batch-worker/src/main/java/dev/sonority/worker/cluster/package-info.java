/**
 * The CLUSTER task: the clustering search of {@code clustering-core} over the library's vectors, run inside the
 * job on the worker that took the task (batch after batch, progress and cancel between runs), and its playlists
 * saved with source {@code cluster}, replacing the previous run's only when this one succeeds.
 */
package dev.sonority.worker.cluster;
