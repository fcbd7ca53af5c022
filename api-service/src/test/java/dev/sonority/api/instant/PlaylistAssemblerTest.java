package dev.sonority.api.instant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.instant.tools.SongConstraints;
import dev.sonority.api.instant.tools.Tool;
import dev.sonority.api.search.SongSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging searches by reciprocal rank, one recording once, the cap per artist: small cases worked out by hand. */
class PlaylistAssemblerTest {

    static final SongSummary A = song(1, "Alpha", "Band");
    static final SongSummary B = song(2, "Beta", "Band");
    static final SongSummary C = song(3, "Gamma", "Other");
    static final SongSummary D = song(4, "Delta", "Band");
    static final SongSummary A_REMASTER = song(5, "Alpha (Remastered 2011)", "band");

    @Test
    void aSongBothSearchesFoundRanksFirst() {
        // first list A, B, C; second list C: C scores 1/63 + 1/61 = 0.0323, A 1/61 = 0.0164, B 1/62 = 0.0161
        List<SongSummary> playlist = PlaylistAssembler.assemble(List.of(search(A, B, C), search(C)), 10, 10, List.of());
        assertThat(playlist).containsExactly(C, A, B);
    }

    @Test
    void oneRecordingOnceAndAtMostTheCapPerArtistExceptNamedArtists() {
        List<Search> found = List.of(search(A, A_REMASTER, B, C, D));
        assertThat(PlaylistAssembler.assemble(found, 10, 2, List.of())).containsExactly(A, B, C);
        assertThat(PlaylistAssembler.assemble(found, 10, 2, List.of("BAND"))).containsExactly(A, B, C, D);
        assertThat(PlaylistAssembler.assemble(found, 2, 2, List.of())).containsExactly(A, B);
    }

    private static Search search(SongSummary... songs) {
        return new Search(new Tool.MetadataSearch(SongConstraints.NONE, 50), List.of(songs), null, null, null);
    }

    private static SongSummary song(long id, String title, String artist) {
        return new SongSummary(id, artist + "/" + title + ".flac", title, artist, "Album", null, "Rock");
    }
}
