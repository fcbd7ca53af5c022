package dev.sonority.api.index;

import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * One model's search vectors as a Lucene index: one document per song ({@code song_key} term for updates and
 * deletes, {@code song_id} doc value to map hits back, {@code updated_micros} (the row's {@code updated_at})
 * so a refresh can tell changed rows, the unit vector in an HNSW {@code vector} field with
 * dot-product similarity, which equals cosine for unit vectors).
 *
 * <p>Why a Lucene index (a {@code Directory} with {@link KnnFloatVectorField}) rather than driving
 * {@code org.apache.lucene.util.hnsw} directly: both run the same HNSW code, so recall and latency are the
 * same at the same M/ef (the bench measures it), but the index gives us, for free and tested by Lucene,
 * crash-safe snapshots (commit points with our {@link SnapshotState} as user data), deletes and updates
 * without rebuilding the graph (live-docs bits, background merges), lock-free concurrent search during writes
 * ({@link SearcherManager}), and vectors memory-mapped instead of on the Java heap, so the resident cost stays
 * close to the raw vector bytes. A hand-kept graph would need all four written and tested here.
 *
 * <p>Thread-safe: writes are serialised by the caller ({@link EmbeddedIndexes}); searches never block.
 */
final class LuceneModelIndex implements Closeable {

    static final String VECTOR = "vector";
    static final String SONG_ID = "song_id";
    static final String SONG_KEY = "song_key";
    static final String UPDATED = "updated_micros";

    private final String model;
    private final int dim;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final HnswSettings settings;
    private final VectorLookup lookup = new VectorLookup();

    private LuceneModelIndex(String model, int dim, Directory directory, IndexWriter writer, HnswSettings settings)
            throws IOException {
        this.model = model;
        this.dim = dim;
        this.directory = directory;
        this.writer = writer;
        this.settings = settings;
        this.searchers = new SearcherManager(writer, null);
    }

    /** A new, empty index in {@code directory} (anything there is replaced). */
    static LuceneModelIndex create(String model, int dim, Directory directory, HnswSettings settings) {
        return open(model, dim, directory, settings, IndexWriterConfig.OpenMode.CREATE);
    }

    /** The snapshot in {@code directory}, if it holds one of this format and model. */
    static Optional<LuceneModelIndex> openSnapshot(String model, Directory directory, HnswSettings settings) {
        Optional<SnapshotState> state = committedState(model, directory);
        return state.map(s -> open(model, s.dim(), directory, settings, IndexWriterConfig.OpenMode.APPEND));
    }

    static Optional<SnapshotState> committedState(String model, Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            return SnapshotState.fromUserData(model, SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            return Optional.empty(); // unreadable snapshot: the caller rebuilds from PostgreSQL
        }
    }

    private static LuceneModelIndex open(String model, int dim, Directory directory, HnswSettings settings,
            IndexWriterConfig.OpenMode mode) {
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(settings.maxConn(), settings.beamWidth());
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(mode)
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return hnsw;
                    }
                })
                // a full build flushes one segment per builder thread, not more, when the heap allows
                .setRAMBufferSizeMB(Math.max(64, Runtime.getRuntime().maxMemory() / (1 << 20) / 4))
                .setCommitOnClose(false);
        try {
            return new LuceneModelIndex(model, dim, directory, new IndexWriter(directory, config), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + model + " index", e);
        }
    }

    String model() {
        return model;
    }

    int dim() {
        return dim;
    }

    /**
     * Adds or replaces the vector of one song; visible to searches after {@link #publish}.
     *
     * @param updatedMicros the row's {@code updated_at} in microseconds, compared by later refreshes
     */
    void upsert(long songId, float[] unitVector, long updatedMicros) {
        Document doc = new Document();
        String key = Long.toString(songId);
        doc.add(new StringField(SONG_KEY, key, Field.Store.NO));
        doc.add(new NumericDocValuesField(SONG_ID, songId));
        doc.add(new NumericDocValuesField(UPDATED, updatedMicros));
        doc.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
        try {
            writer.updateDocument(new Term(SONG_KEY, key), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Collection<Long> songIds) {
        if (songIds.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(new TermInSetQuery(SONG_KEY, keys(songIds)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits the writes as the snapshot {@code state} and makes them visible to searches. */
    void publish(SnapshotState state) {
        try {
            writer.setLiveCommitData(state.toUserData().entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    Optional<float[]> vector(long songId) {
        return withSearcher(s -> lookup.vector(s, songId));
    }

    /** The ids of every song in the index. */
    long[] songIds() {
        return withSearcher(lookup::songIds);
    }

    /** Song id to the {@code updated_at} (microseconds) of the row each vector came from. */
    Map<Long, Long> versions() {
        return withSearcher(lookup::versions);
    }

    /**
     * The {@code k} best songs for a unit {@code query}, best first, with cosine scores. Excluded songs are
     * dropped after an over-fetch (they are few: the seeds); an allow-list becomes a Lucene filter, which
     * Lucene searches exactly when it is small.
     */
    List<VectorHit> nearest(float[] query, int k, VectorFilter filter) {
        return withSearcher(s -> {
            if (s.getIndexReader().numDocs() < settings.exactBelow()) {
                return ExactSearch.nearest(s, query, k, filter);
            }
            int fetch = Math.max(k + filter.excluded().size(), settings.efSearch());
            Query allowed = filter.allowed() == null ? null : new TermInSetQuery(SONG_KEY, keys(filter.allowed()));
            TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, query, fetch, allowed), fetch);
            List<VectorHit> hits = new ArrayList<>(Math.min(k, top.scoreDocs.length));
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            // the search keeps efSearch candidates; only the ids of the k returned are looked up
            for (int i = 0; i < top.scoreDocs.length && hits.size() < k; i++) {
                long id = VectorLookup.songIdOf(leaves, top.scoreDocs[i].doc);
                if (filter.accepts(id)) {
                    hits.add(new VectorHit(id, cosineOf(top.scoreDocs[i])));
                }
            }
            return hits;
        });
    }

    /** Lucene's dot-product score is {@code (1 + cos) / 2}; the API reports the cosine. */
    private static float cosineOf(ScoreDoc hit) {
        return 2f * hit.score - 1f;
    }

    private static List<BytesRef> keys(Collection<Long> songIds) {
        return songIds.stream().map(id -> new BytesRef(Long.toString(id))).toList();
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the " + model + " index cannot be read", e);
        }
    }

    /** Bytes of the index files (vectors, graph, ids): on disk and memory-mapped, or on the heap in memory. */
    long bytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback(); // uncommitted writes are redone from PostgreSQL on the next start
        directory.close();
    }
}
