package dev.sonority.bench.realmusic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest and Essentia's table as fetch.sh and reference.js write them, joined by path. */
class RealMusicSetTest {

    private static final String MANIFEST = """
            path\talbum\thalf\tformat\tseconds
            tracks/a/one.ogg\ta\ttune\togg\t95.0
            tracks/b/two.mp3\tb\theld-out\tmp3\t120.5
            tracks/b/three.flac\tb\theld-out\tflac\t61.0
            """;
    private static final String HEADER = "path\trhythm_bpm\trhythm_confidence\tpercival_bpm\tbgate_key\tbgate_scale"
            + "\tbgate_strength\tedma_key\tedma_scale\tedma_strength\tessentia_seconds\taudio_seconds\n";

    @TempDir
    Path dir;

    @Test
    void joinsEssentiasRowsByPathAndCountsTracksWithoutOne() throws Exception {
        Files.writeString(dir.resolve("manifest.tsv"), MANIFEST);
        Files.writeString(dir.resolve("reference.tsv"), HEADER
                + "tracks/b/two.mp3\t140.102\t2.606\t70.1\tBb\tminor\t0.85\tF\tmajor\t0.92\t4.8\t30.0\n"
                + "tracks/a/one.ogg\t95.0\t0.9\t95.2\tC\tmajor\t0.7\tC\tmajor\t0.7\t4.5\t30.0\n");

        RealMusicSet set = RealMusicSet.read(dir);

        assertThat(set.withoutReference()).isEqualTo(1);
        assertThat(set.tracks()).extracting(RealMusicSet.Track::album).containsExactly("a", "b");
        RealMusicSet.Track two = set.tracks().get(1);
        assertThat(two.file()).isEqualTo(dir.resolve("tracks/b/two.mp3"));
        assertThat(two.half()).isEqualTo("held-out");
        assertThat(two.reference().rhythmBpm()).isEqualTo(140.102);
        assertThat(two.reference().rhythmConfidence()).isEqualTo(2.606);
        assertThat(two.reference().percivalBpm()).isEqualTo(70.1);
        assertThat(two.reference().bgate()).isEqualTo(new MusicalKey(10, true));
        assertThat(two.reference().edma()).isEqualTo(new MusicalKey(5, false));
        assertThat(two.reference().essentiaSeconds()).isEqualTo(4.8);
    }

    @Test
    void aMissingTableOrARaggedRowIsNamed() throws Exception {
        assertThatThrownBy(() -> RealMusicSet.read(dir)).hasMessageContaining("manifest.tsv is missing")
                .hasMessageContaining("fetch.sh");
        Files.writeString(dir.resolve("manifest.tsv"), MANIFEST);
        Files.writeString(dir.resolve("reference.tsv"), HEADER + "tracks/a/one.ogg\t95.0\n");
        assertThatThrownBy(() -> RealMusicSet.read(dir)).hasMessageContaining("2 cells where the header has 12");
    }
}
