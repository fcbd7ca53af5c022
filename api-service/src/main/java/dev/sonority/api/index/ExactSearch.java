package dev.sonority.api.index;

import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * Exhaustive search over every live vector: used for small indexes, where it is exact and no slower than the
 * graph, and by tests and the bench as the reference the graph's recall is measured against.
 */
final class ExactSearch {

    private ExactSearch() {
    }

    static List<VectorHit> nearest(IndexSearcher searcher, float[] query, int k, VectorFilter filter)
            throws IOException {
        Comparator<VectorHit> worstFirst = Comparator.comparingDouble(VectorHit::score)
                .thenComparing(Comparator.comparingLong(VectorHit::songId).reversed());
        PriorityQueue<VectorHit> best = new PriorityQueue<>(k + 1, worstFirst);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LuceneModelIndex.VECTOR);
            if (vectors == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), LuceneModelIndex.SONG_ID);
            KnnVectorValues.DocIndexIterator it = vectors.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc) || !ids.advanceExact(doc) || !filter.accepts(ids.longValue())) {
                    continue;
                }
                best.add(new VectorHit(ids.longValue(), VectorUtil.dotProduct(query, vectors.vectorValue(it.index()))));
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        List<VectorHit> hits = new ArrayList<>(best);
        hits.sort(worstFirst.reversed());
        return hits;
    }
}
