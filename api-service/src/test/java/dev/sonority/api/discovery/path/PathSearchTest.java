package dev.sonority.api.discovery.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The global search against the greedy reference ({@link GreedyPath}) on the same candidates, over many random
 * pairs of a generated clustered library. Every property is checked on every path; a failing pair names its
 * seed so it can be replayed.
 */
class PathSearchTest {

    private static final double DUPLICATE = 0.01;
    /** The search measures with float dot products, the reference in doubles. */
    private static final double FLOAT_ROUNDING = 1e-6;

    @Test
    void pathsKeepEveryRuleAndTheirLargestStepIsNeverWorseThanGreedys() {
        GeneratedLibrary library = new GeneratedLibrary(7, 3_000, 48, 30, 1.2);
        Random random = new Random(8);
        double ratioSum = 0;
        int compared = 0;
        int pairs = Integer.getInteger("pairs", 300);
        for (int pair = 0; pair < pairs; pair++) {
            PathSong from = library.songs.get(random.nextInt(library.songs.size()));
            PathSong to = library.songs.get(random.nextInt(library.songs.size()));
            if (from.id() == to.id() || GreedyPath.angle(from.vector(), to.vector()) < DUPLICATE) {
                continue;
            }
            int steps = 2 + random.nextInt(30);
            int cap = 1 + random.nextInt(3);
            List<List<PathSong>> candidates = library.candidates(from, to, steps, 16);
            String where = "pair " + pair + ": " + from.id() + " -> " + to.id() + ", " + steps + " steps, cap " + cap;

            FoundPath ours = PathSearch.best(from, to, candidates, new PathRules(cap, DUPLICATE, false)).orElseThrow();
            List<PathSong> greedy = GreedyPath.of(from, to, candidates, cap, DUPLICATE);
            checkRules(ours.songs(), from, to, cap, where);
            checkRules(greedy, from, to, cap, where + " (the reference itself)");
            assertThat(ours.maxStep()).as(where).isLessThanOrEqualTo(GreedyPath.maxStep(greedy) + FLOAT_ROUNDING);
            assertThat(ours.maxStep()).as(where).isCloseTo(GreedyPath.maxStep(ours.songs()), within());
            assertThat(ours.totalDistance()).as(where).isCloseTo(GreedyPath.total(ours.songs()), within());
            ratioSum += ours.maxStep() / GreedyPath.maxStep(greedy);
            compared++;

            Optional<FoundPath> fixed = PathSearch.best(from, to, candidates, new PathRules(cap, DUPLICATE, true));
            if (greedy.size() == steps) { // the reference filled every point: a full path exists
                assertThat(fixed).as(where).isPresent();
            }
            fixed.ifPresent(path -> {
                assertThat(path.songs()).as(where).hasSize(steps);
                checkRules(path.songs(), from, to, cap, where + " fixed size");
                if (greedy.size() == steps) {
                    assertThat(path.maxStep()).as(where).isLessThanOrEqualTo(GreedyPath.maxStep(greedy) + FLOAT_ROUNDING);
                }
            });
        }
        System.out.printf("mean largest-step ratio ours/greedy over %d pairs: %.3f%n", compared, ratioSum / compared);
    }

    /**
     * Hand-placed songs on a circle, from at 0 degrees and to at 90, two points between (30 and 60 degrees), a cap
     * of one song per artist. The first point's nearest candidate (31) is by artist x, whose other song is the
     * second point's nearest (60): greedy takes 31, then has to take 85 (steps 31, 54, 5). The global search
     * takes 25 and 60 (steps 25, 35, 30): its largest step is 35 degrees, not 54.
     */
    @Test
    void aGlobalChoiceAvoidsTheJumpAGreedyChoiceMakes() {
        PathSong from = song(0, 0, "a");
        PathSong to = song(1, 90, "b");
        List<List<PathSong>> candidates = List.of(
                List.of(song(10, 31, "x"), song(11, 25, "y")),
                List.of(song(20, 60, "x"), song(21, 85, "z")));
        List<PathSong> greedy = GreedyPath.of(from, to, candidates, 1, 0);
        assertThat(greedy).extracting(PathSong::id).containsExactly(0L, 10L, 21L, 1L);
        FoundPath ours = PathSearch.best(from, to, candidates, new PathRules(1, 0, true)).orElseThrow();
        assertThat(ours.songs()).extracting(PathSong::id).containsExactly(0L, 11L, 20L, 1L);
        assertThat(ours.maxStep()).isCloseTo(35 / 180.0, within());
        assertThat(GreedyPath.maxStep(greedy)).isCloseTo(54 / 180.0, within());
    }

    @Test
    void aFixedSizePathThatCannotBeFilledIsEmptyAndAFreeOneLeavesThePointOut() {
        PathSong from = song(0, 0, "a");
        PathSong to = song(1, 90, "b");
        // the only candidate of the middle point is by the start song's artist, whose cap of 1 the start fills
        List<List<PathSong>> candidates = List.of(List.of(song(10, 30, "c")), List.of(song(11, 45, "a")),
                List.of(song(12, 60, "d")));
        assertThat(PathSearch.best(from, to, candidates, new PathRules(1, 0, true))).isEmpty();
        FoundPath free = PathSearch.best(from, to, candidates, new PathRules(1, 0, false)).orElseThrow();
        assertThat(free.songs()).extracting(PathSong::id).containsExactly(0L, 10L, 12L, 1L);
    }

    private static void checkRules(List<PathSong> path, PathSong from, PathSong to, int cap, String where) {
        assertThat(path.getFirst()).as(where).isEqualTo(from);
        assertThat(path.getLast()).as(where).isEqualTo(to);
        Set<Long> ids = new HashSet<>();
        Set<String> works = new HashSet<>();
        Map<String, Integer> artists = new HashMap<>();
        for (PathSong song : path) {
            assertThat(ids.add(song.id())).as(where + ": song " + song.id() + " twice").isTrue();
            assertThat(works.add(song.signature())).as(where + ": work " + song.signature() + " twice").isTrue();
            artists.merge(song.artistKey(), 1, Integer::sum);
        }
        // the end songs are the caller's: two ends by one artist exceed a cap of 1, and then that artist gets no more
        artists.forEach((artist, count) -> assertThat(count).as(where + ": artist cap " + artists)
                .isLessThanOrEqualTo(Math.max(cap, (int) java.util.stream.Stream.of(from, to)
                        .filter(end -> artist.equals(end.artistKey())).count())));
        for (int i = 1; i < path.size() && path.size() > 2; i++) { // two end songs alone are the caller's step
            assertThat(GreedyPath.angle(path.get(i - 1).vector(), path.get(i).vector())).as(where + ": step " + i)
                    .isGreaterThanOrEqualTo(DUPLICATE);
        }
    }

    private static PathSong song(long id, double degrees, String artist) {
        double radians = Math.toRadians(degrees);
        return new PathSong(id, new float[] {(float) Math.cos(radians), (float) Math.sin(radians)}, artist,
                artist + "\u0000" + id);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(FLOAT_ROUNDING);
    }
}
