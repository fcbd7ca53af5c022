package dev.sonority.api.index;

/**
 * Tuning of the HNSW graphs.
 *
 * @param maxConn neighbours per node (Lucene's M)
 * @param beamWidth candidates kept while inserting (efConstruction)
 * @param efSearch candidates kept while searching; a query asks for at least this many neighbours
 * @param exactBelow an index with fewer songs is searched exhaustively (exact, and as fast at that size)
 * @param graphThreads threads building a graph in a merge ({@link GraphPhases})
 */
record HnswSettings(int maxConn, int beamWidth, int efSearch, int exactBelow, int graphThreads) {

    HnswSettings(int maxConn, int beamWidth, int efSearch, int exactBelow) {
        this(maxConn, beamWidth, efSearch, exactBelow, 1);
    }
}
