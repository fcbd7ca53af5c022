package dev.sonority.clustering.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.clustering.GeneratedLibrary;
import dev.sonority.clustering.Library;
import dev.sonority.clustering.fit.Partition;
import dev.sonority.clustering.fitness.FitnessWeights;
import dev.sonority.clustering.fitness.MoodFitness;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostProcessorTest {

    /**
     * Ten groups of 30 songs plus the true partition, except: group 9 is cut to 10 songs (under min_songs)
     * and groups 0 and 1 are merged into one cluster of 60 (over max_songs 50). Noise 0.05 in 8-d puts
     * songs ≈ 0.14 from their centre: inside max_distance 0.4, while the merged cluster's songs lie about half
     * the distance between two centres (≈ 1.6) from their common centroid: all beyond it.
     */
    @Test
    void everyConstraintHolds() {
        GeneratedLibrary generated = GeneratedLibrary.of(10, 30, 8, 0.05, 3, 21);
        Library library = generated.library();
        int[] labels = generated.truth().clone();
        int dropped = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 9 && dropped++ >= 10) {
                labels[i] = Partition.NOISE;
            }
            if (labels[i] == 1) {
                labels[i] = 0;
            }
        }
        Partition partition = new Partition(labels, 10);
        var fitness = MoodFitness.score(partition, library.labelScores(), FitnessWeights.DEFAULTS);
        PlaylistRules rules = new PlaylistRules(20, 25, 0.4, 5);

        List<ClusterPlaylist> playlists = PostProcessor.playlists(library, partition, fitness, rules);

        assertThat(playlists).hasSize(5);
        Map<Long, Integer> group = new HashMap<>();
        for (int i = 0; i < library.size(); i++) {
            group.put(library.songIds()[i], generated.truth()[i]);
        }
        Set<Long> seen = new HashSet<>();
        Set<String> genres = new HashSet<>();
        for (ClusterPlaylist p : playlists) {
            assertThat(p.songIds().length).as(p.name()).isBetween(20, 25);
            assertThat(Arrays.stream(p.songIds()).mapToObj(group::get).distinct()).as("one true group")
                    .hasSize(1).doesNotContain(0, 1, 9);
            Arrays.stream(p.songIds()).forEach(id -> assertThat(seen.add(id)).as("in one playlist only").isTrue());
            genres.add(p.genre());
        }
        assertThat(genres).as("genres kept diverse: 3 genres among 5 playlists").hasSize(3);
        assertThat(playlists.stream().map(ClusterPlaylist::name).distinct()).hasSize(5);
    }

    @Test
    void namesSayMoodsTempoAndGenreAndStayUnique() {
        PlaylistNamer namer = new PlaylistNamer();
        assertThat(namer.name(List.of("relaxed", "acoustic"), 80, "jazz")).isEqualTo("Relaxed · Acoustic · Slow · Jazz");
        assertThat(namer.name(List.of("relaxed", "acoustic"), 85, "jazz")).isEqualTo("Relaxed · Acoustic · Slow · Jazz 2");
        assertThat(namer.name(List.of("happy"), 128, null)).isEqualTo("Happy · Fast");
    }

    /** Points on a line, given shuffled: the walk from the centre-most end visits them in line order. */
    @Test
    void theWalkGoesToTheNearestUnplayedSong() {
        double[][] line = {{3}, {0}, {4}, {1}, {2}};
        int[] order = SmoothWalk.order(line, new int[] {0, 1, 2, 3, 4}, new double[] {-1});
        assertThat(order).containsExactly(1, 3, 4, 0, 2);
    }
}
