package dev.sonority.api.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * How an index gets its HNSW graph. Normally Lucene builds one graph per flushed segment, and each search then
 * walks every segment's graph: a full build on N threads left N segments, and a query cost about 1.6 times
 * that of one graph ({@code bench search}). So a full build {@linkplain #defer defers} the graph: rows are written
 * as flat vectors only (Lucene's {@code tinySegmentsThreshold} set so high that no segment qualifies, seconds
 * for 100,000 rows), then {@link #buildGraph} force-merges everything into one segment, whose graph Lucene's
 * concurrent merge builds on all {@code graphThreads} at once. Incremental updates afterwards get per-segment
 * graphs as usual, and background merges fold them in with the same threads.
 *
 * <p>A forced merge of a single segment is a no-op in Lucene, which would leave a one-segment build without
 * a graph; the merge policy therefore rewrites every segment once when a graph build asks for it.
 */
final class GraphPhases implements Closeable {

    private final KnnVectorsFormat graph;
    private final KnnVectorsFormat flat;
    private final ExecutorService mergeThreads;
    private final RewriteOnce mergePolicy = new RewriteOnce();
    private volatile boolean deferred;

    GraphPhases(HnswSettings settings) {
        int threads = settings.graphThreads();
        this.mergeThreads = threads > 1 ? Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("sonority-index-graph-", 0).daemon().factory()) : null;
        this.graph = new Lucene99HnswVectorsFormat(settings.maxConn(), settings.beamWidth(), threads, mergeThreads);
        this.flat = new Lucene99HnswVectorsFormat(settings.maxConn(), settings.beamWidth(), 1, null,
                Integer.MAX_VALUE);
    }

    /** The codec of the index: the flat format while the graph is deferred, else the graph format. */
    Lucene104Codec codec() {
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return deferred ? flat : graph;
            }
        };
    }

    MergePolicy mergePolicy() {
        return mergePolicy;
    }

    /** From now on segments are written without a graph, until {@link #buildGraph}. */
    void defer() {
        deferred = true;
    }

    /** Merges every segment into one, building its graph on the graph threads. */
    void buildGraph(IndexWriter writer) throws IOException {
        if (!deferred) {
            return;
        }
        writer.flush(); // every buffered row into a flat segment, before the graph format takes over
        deferred = false;
        mergePolicy.rewriteNext = true;
        try {
            writer.forceMerge(1);
        } finally {
            mergePolicy.rewriteNext = false;
        }
    }

    @Override
    public void close() {
        if (mergeThreads != null) {
            mergeThreads.shutdownNow();
        }
    }

    /** Lucene's tiered policy, except that the next forced merge rewrites every segment, even a single one. */
    private static final class RewriteOnce extends FilterMergePolicy {

        private volatile boolean rewriteNext;

        RewriteOnce() {
            super(new TieredMergePolicy());
        }

        @Override
        public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
                Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
            if (rewriteNext && infos.size() > 0) {
                rewriteNext = false; // once: the merged segment is asked about again and must be left alone
                MergeSpecification all = new MergeSpecification();
                all.add(new OneMerge(infos.asList()));
                return all;
            }
            return super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
        }
    }
}
