package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The in-memory {@link SongDirectory} against the real song table: what a refresh picks up (new, changed,
 * renamed, missing, deleted rows, and a row whose {@code updated_at} went back in time, as a late commit's
 * does), and {@link SongCatalog} answering songs the directory does not hold yet from PostgreSQL.
 */
class SongDirectoryIT extends ApiIntegrationTest {

    @Autowired
    SongDirectory directory;

    @Autowired
    SongCatalog catalog;

    @Autowired
    EmbeddedIndexes indexes;

    SearchLibrary library;
    long blue;
    long red;

    @BeforeEach
    void library() {
        reset();
        library = new SearchLibrary(jdbc, indexes, directory);
        blue = library.song("Jazz/Blue.flac", "Blue", "Miles", "Late", "Jazz");
        red = library.song("Rock/Red.flac", "Red", "Band", "Loud", "Rock");
    }

    @Test
    void aRefreshReadsNewAndChangedRowsOnly() {
        assertThat(directory.refresh()).isEqualTo(2);
        assertThat(directory.idOf("Jazz/Blue.flac")).isEqualTo(blue);
        assertThat(summary(blue).title()).isEqualTo("Blue");
        assertThat(directory.refresh()).as("nothing changed").isZero();

        jdbc.sql("UPDATE song SET title = 'Deep Blue', updated_at = now() WHERE id = :id").param("id", blue).update();
        assertThat(summary(blue).title()).as("stale until the next refresh").isEqualTo("Blue");
        assertThat(directory.refresh()).isEqualTo(1);
        assertThat(summary(blue).title()).isEqualTo("Deep Blue");
    }

    @Test
    void aRowWhoseVersionWentBackIsReadAgain() {
        directory.refresh();
        // a transaction that began before the last refresh and committed after it: its updated_at is older
        jdbc.sql("UPDATE song SET artist = 'Late', updated_at = updated_at - interval '1 minute' WHERE id = :id")
                .param("id", red).update();
        assertThat(directory.refresh()).isEqualTo(1);
        assertThat(summary(red).artist()).isEqualTo("Late");
    }

    @Test
    void renamedMissingAndDeletedSongs() {
        directory.refresh();
        jdbc.sql("UPDATE song SET path = 'Jazz/Blue (2).flac', updated_at = now() WHERE id = :id").param("id", blue)
                .update();
        jdbc.sql("UPDATE song SET missing_since = now(), updated_at = now() WHERE id = :id").param("id", red).update();
        directory.refresh();
        assertThat(directory.idOf("Jazz/Blue.flac")).isNull();
        assertThat(directory.idOf("Jazz/Blue (2).flac")).isEqualTo(blue);
        assertThat(directory.lookup(red)).isEqualTo(new SongDirectory.Lookup.Known(null));
        assertThat(catalog.summaries(List.of(blue, red))).as("a song whose file is gone is no answer")
                .containsOnlyKeys(blue);

        jdbc.sql("DELETE FROM song WHERE id = :id").param("id", red).update();
        directory.refresh();
        assertThat(directory.lookup(red)).isInstanceOf(SongDirectory.Lookup.Unknown.class);
        assertThat(directory.idOf("Rock/Red.flac")).isNull();
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void songsAddedSinceTheRefreshAreAnsweredFromPostgres() {
        directory.refresh();
        long green = library.song("Jazz/Green.flac", "Green", "Miles", "Late", "Jazz");
        assertThat(directory.idOf("Jazz/Green.flac")).isNull();
        assertThat(catalog.idOf(List.of("Jazz/Green.flac"))).contains(green);
        Map<Long, SongSummary> songs = catalog.summaries(List.of(blue, green));
        assertThat(songs.get(green)).isEqualTo(new SongSummary(green, "Jazz/Green.flac", "Green", "Miles", "Late",
                null, "Jazz"));
        assertThat(songs.get(blue).title()).isEqualTo("Blue");
        assertThat(catalog.idOf(List.of("No/Such.flac"))).isEmpty();
    }

    private SongSummary summary(long id) {
        SongDirectory.Lookup lookup = directory.lookup(id);
        assertThat(lookup).isInstanceOf(SongDirectory.Lookup.Known.class);
        return ((SongDirectory.Lookup.Known) lookup).summary();
    }
}
