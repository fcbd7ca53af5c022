package dev.sonority.worker.acoustic;

import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.worker.songs.EmbeddingTable;
import dev.sonority.worker.songs.IndexEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the library-wide statistics from every stored acoustic raw vector of the current layout and
 * rewrites every acoustic search vector with them. Raw vectors are read in pages by song id (keyset), so memory
 * stays constant whatever the library size; each page of search vectors commits on its own. Search vectors of
 * another layout (an older model version, whose song is waiting for re-analysis) are removed, so an index never
 * mixes dimensions. One run at a time is guaranteed by the task table (one active re-vectorise task).
 */
@Component
public class AcousticRevectoriser {

    static final int PAGE = 1000;

    /** What a run did. */
    public record Result(long songs, long removedStale) {
    }

    private record Row(long songId, float[] raw) {
    }

    private final JdbcClient jdbc;
    private final EmbeddingTable embeddings;
    private final TransactionTemplate transaction;
    private final AcousticStatisticsStore statistics;
    private final IndexEvents indexEvents;

    AcousticRevectoriser(JdbcClient jdbc, EmbeddingTable embeddings, TransactionTemplate transaction,
            AcousticStatisticsStore statistics, IndexEvents indexEvents) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.transaction = transaction;
        this.statistics = statistics;
        this.indexEvents = indexEvents;
    }

    /** @param progress told the number of search vectors written so far, after each page */
    public Result run(LongConsumer progress) {
        Instant started = Instant.now();
        AcousticStatistics.Accumulator acc = new AcousticStatistics.Accumulator(AcousticVector.RAW_DIMENSIONS);
        for (List<Row> page = page(-1); !page.isEmpty(); page = page(page.getLast().songId())) {
            page.forEach(row -> acc.add(row.raw()));
        }
        long removed;
        if (acc.count() == 0) {
            removed = transaction.execute(status -> removeStale(true));
            indexEvents.vectorsChanged(List.of(AcousticModel.NAME), started);
            return new Result(0, removed);
        }
        AcousticStatistics stats = acc.build();
        statistics.save(AcousticModel.VERSION, stats);
        long written = 0;
        for (List<Row> page = page(-1); !page.isEmpty(); page = page(page.getLast().songId())) {
            List<Row> rows = page;
            transaction.executeWithoutResult(status -> writeSearch(rows, stats));
            written += rows.size();
            progress.accept(written);
        }
        removed = transaction.execute(status -> removeStale(false));
        indexEvents.vectorsChanged(List.of(AcousticModel.NAME), started);
        return new Result(written, removed);
    }

    /** Current-layout raw vectors of songs after {@code afterSongId}, by song id. */
    private List<Row> page(long afterSongId) {
        return jdbc.sql("""
                SELECT song_id, data FROM embedding
                 WHERE model = :m AND kind = :raw AND model_version = :v AND dim = :dim AND song_id > :after
                 ORDER BY song_id LIMIT :limit
                """).param("m", AcousticModel.NAME).param("raw", EmbeddingKind.RAW).param("v", AcousticModel.VERSION)
                .param("dim", AcousticVector.RAW_DIMENSIONS).param("after", afterSongId).param("limit", PAGE)
                .query((rs, n) -> new Row(rs.getLong("song_id"), VectorCodec.decode(rs.getBytes("data")))).list();
    }

    private void writeSearch(List<Row> rows, AcousticStatistics stats) {
        List<EmbeddingTable.Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(new EmbeddingTable.Row(row.songId(), AcousticModel.NAME, EmbeddingKind.SEARCH,
                    AcousticModel.SEARCH.search(row.raw(), stats), AcousticModel.VERSION));
        }
        embeddings.upsert(out);
    }

    /** Removes search vectors of another layout (all of them when no current raw vector exists). */
    private long removeStale(boolean all) {
        return jdbc.sql("DELETE FROM embedding WHERE model = :m AND kind = :search AND (:all OR model_version <> :v)")
                .param("m", AcousticModel.NAME).param("search", EmbeddingKind.SEARCH).param("all", all)
                .param("v", AcousticModel.VERSION).update();
    }
}
