package dev.sonority.api.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/** Maps between Lucene documents and songs: song id of a hit, vector of a song, every song id. */
final class VectorLookup {

    /** The song id of a hit, {@code doc} being its index-wide document number. */
    static long songIdOf(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return songId(leaf.reader(), doc - leaf.docBase);
    }

    static long songId(LeafReader reader, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(reader, LuceneModelIndex.SONG_ID);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no song id");
        }
        return values.longValue();
    }

    Optional<float[]> vector(IndexSearcher searcher, long songId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(LuceneModelIndex.SONG_KEY, Long.toString(songId))), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int doc = top.scoreDocs[0].doc;
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(LuceneModelIndex.VECTOR);
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return Optional.empty();
        }
        return Optional.of(values.vectorValue(iterator.index()).clone()); // the reader reuses its buffer
    }

    /**
     * The vectors of several songs with one term query for all of them, then each document's vector read from its
     * segment: a path or an alchemy answer reads hundreds, for which one lookup each would cost a search each.
     */
    Map<Long, float[]> vectors(IndexSearcher searcher, java.util.Collection<Long> songIds) throws IOException {
        Map<Long, float[]> vectors = new HashMap<>(songIds.size() * 2);
        if (songIds.isEmpty()) {
            return vectors;
        }
        List<org.apache.lucene.util.BytesRef> keys = songIds.stream()
                .map(id -> new org.apache.lucene.util.BytesRef(Long.toString(id))).toList();
        org.apache.lucene.search.Weight weight = searcher.createWeight(searcher.rewrite(
                new org.apache.lucene.search.TermInSetQuery(LuceneModelIndex.SONG_KEY, keys)),
                org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
            FloatVectorValues values = leaf.reader().getFloatVectorValues(LuceneModelIndex.VECTOR);
            if (scorer == null || values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), LuceneModelIndex.SONG_ID);
            KnnVectorValues.DocIndexIterator vectorDocs = values.iterator();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live == null || live.get(doc)) && ids.advanceExact(doc) && vectorDocs.advance(doc) == doc) {
                    vectors.put(ids.longValue(), values.vectorValue(vectorDocs.index()).clone());
                }
            }
        }
        return vectors;
    }

    Map<Long, Long> versions(IndexSearcher searcher) throws IOException {
        Map<Long, Long> versions = new HashMap<>(searcher.getIndexReader().numDocs() * 2);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), LuceneModelIndex.SONG_ID);
            NumericDocValues updated = DocValues.getNumeric(leaf.reader(), LuceneModelIndex.UPDATED);
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if ((live == null || live.get(doc)) && updated.advanceExact(doc)) {
                    versions.put(ids.longValue(), updated.longValue());
                }
            }
        }
        return versions;
    }

    long[] songIds(IndexSearcher searcher) throws IOException {
        long[] ids = new long[searcher.getIndexReader().numDocs()];
        int n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), LuceneModelIndex.SONG_ID);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    ids[n++] = values.longValue();
                }
            }
        }
        return n == ids.length ? ids : Arrays.copyOf(ids, n);
    }
}
