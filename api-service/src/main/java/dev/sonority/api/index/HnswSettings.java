package dev.sonority.api.index;

/**
 * Tuning of the HNSW graphs.
 *
 * @param maxConn neighbours per node (Lucene's M)
 * @param beamWidth candidates kept while inserting (efConstruction)
 * @param efSearch candidates kept while searching; a query asks for at least this many neighbours
 * @param exactBelow an index with fewer songs is searched exhaustively (exact, and as fast at that size)
 */
record HnswSettings(int maxConn, int beamWidth, int efSearch, int exactBelow) {
}
