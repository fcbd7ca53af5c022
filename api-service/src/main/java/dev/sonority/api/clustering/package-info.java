/**
 * Clustering playlists: {@code POST /api/v1/clustering/run} checks the request and submits a CLUSTER task (the
 * batch worker runs the search and saves the playlists); {@code GET /api/v1/clustering/runs[/{id}]} reads the
 * runs with their fitness curves and playlists.
 */
package dev.sonority.api.clustering;
