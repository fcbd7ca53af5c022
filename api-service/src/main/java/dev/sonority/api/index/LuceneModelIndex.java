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
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.hnsw.HnswGraphProvider;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
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
import org.apache.lucene.store.FSDirectory;
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
    private final GraphPhases graphs;

    private LuceneModelIndex(String model, int dim, Directory directory, IndexWriter writer, HnswSettings settings,
            GraphPhases graphs) throws IOException {
        this.model = model;
        this.dim = dim;
        this.directory = directory;
        this.writer = writer;
        this.settings = settings;
        this.graphs = graphs;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Starts a bulk load: vectors written from now on get no graph until {@link #publish}, which builds one
     * graph over all of them ({@link GraphPhases}). Searches in between are exact.
     */
    void deferGraph() {
        graphs.defer();
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
        GraphPhases graphs = new GraphPhases(settings);
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(mode)
                .setCodec(graphs.codec())
                .setMergePolicy(graphs.mergePolicy())
                .setRAMBufferSizeMB(Math.max(64, Runtime.getRuntime().maxMemory() / (1 << 20) / 4))
                .setCommitOnClose(false);
        try {
            return new LuceneModelIndex(model, dim, directory, new IndexWriter(directory, config), settings, graphs);
        } catch (IOException | RuntimeException e) {
            graphs.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot open the " + model + " index", io)
                    : (RuntimeException) e;
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
            throw new UncheckedIOException("cannot write song " + songId + " to " + where(), e);
        }
    }

    void delete(Collection<Long> songIds) {
        if (songIds.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(new TermInSetQuery(SONG_KEY, keys(songIds)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + songIds.size() + " songs from " + where(), e);
        }
    }

    /**
     * Commits the writes as the snapshot {@code state} and makes them visible to searches; after
     * {@link #deferGraph}, first builds the graph.
     */
    void publish(SnapshotState state) {
        try {
            graphs.buildGraph(writer);
            writer.setLiveCommitData(state.toUserData().entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + where(), e);
        }
    }

    /** Which index, for error messages: the model and its folder ("in memory" without one). */
    private String where() {
        return "the " + model + " index " + (directory instanceof FSDirectory fs ? "in " + fs.getDirectory()
                : "in memory");
    }

    int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    Optional<float[]> vector(long songId) {
        return withSearcher(s -> lookup.vector(s, songId));
    }

    Map<Long, float[]> vectors(Collection<Long> songIds) {
        return withSearcher(s -> lookup.vectors(s, songIds));
    }

    /** Nodes of each segment's HNSW graph, one entry per segment (0: a segment searched exactly, no graph). */
    List<Integer> graphSizes() {
        return withSearcher(s -> {
            List<Integer> sizes = new ArrayList<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                KnnVectorsReader vectors = ((CodecReader) FilterLeafReader.unwrap(leaf.reader())).getVectorReader();
                if (vectors instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
                    vectors = perField.getFieldReader(VECTOR);
                }
                sizes.add(vectors instanceof HnswGraphProvider graphs ? graphs.getGraph(VECTOR).size() : 0);
            }
            return sizes;
        });
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
            throw new UncheckedIOException("cannot list the files of " + where(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.rollback(); // uncommitted writes are redone from PostgreSQL on the next start
            directory.close();
        } finally {
            graphs.close();
        }
    }
}
