package dev.sonority.api.index;

/**
 * Tuning of the HNSW graphs.
 *
 * @param maxConn neighbours per node (Lucene's M)
 * @param beamWidth candidates kept while inserting (efConstruction)
 * @param efSearch candidates kept while searching; a query asks for at least this many neighbours
 * @param exactBelow an index with fewer songs is searched exhaustively (exact, and as fast at that size)
 * @param graphThreads threads writing a full build's rows and building its graph in a merge ({@link GraphPhases});
 *     at least 1
 */
record HnswSettings(int maxConn, int beamWidth, int efSearch, int exactBelow, int graphThreads) {

    HnswSettings {
        graphThreads = Math.max(1, graphThreads);
    }

    HnswSettings(int maxConn, int beamWidth, int efSearch, int exactBelow) {
        this(maxConn, beamWidth, efSearch, exactBelow, 1);
    }
}
