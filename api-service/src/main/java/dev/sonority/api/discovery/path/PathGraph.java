package dev.sonority.api.discovery.path;

import dev.sonority.contract.vector.Angular;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * The candidate songs of a path, layer by layer, with the angular distances between neighbouring layers
 * computed once, and each song's artist and work as small integers so the rules compare numbers. Candidates
 * that could never be used are dropped here: an end song, the same work as an end song, an artist the end songs
 * already fill. Without {@code fixedSize}, a layer left empty by that is dropped too (one song fewer).
 */
final class PathGraph {

    /** The code of "no artist" or "no work": never equal to another song's. */
    static final int NONE = -1;

    final PathSong from;
    final PathSong to;
    private final PathRules rules;
    final List<PathSong[]> layers;
    /** {@code artists[i][b]}, {@code works[i][b]}: the codes of song {@code b} of layer {@code i}. */
    final int[][] artists;
    final int[][] works;
    /** How many songs of each artist (by code) the end songs count. */
    final int[] endArtists;
    /** {@code in[i][a][b]}: from song {@code a} of layer {@code i - 1} (layer -1 is {@code from}) to song {@code b} of layer {@code i}. */
    final double[][][] in;
    /** {@code out[b]}: from song {@code b} of the last layer to {@code to}. */
    final double[] out;

    private PathGraph(PathSong from, PathSong to, PathRules rules, List<PathSong[]> layers) {
        this.from = from;
        this.to = to;
        this.rules = rules;
        this.layers = layers;
        Map<String, Integer> artistCodes = new HashMap<>();
        Map<String, Integer> workCodes = new HashMap<>();
        artists = new int[layers.size()][];
        works = new int[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            PathSong[] layer = layers.get(i);
            artists[i] = new int[layer.length];
            works[i] = new int[layer.length];
            for (int b = 0; b < layer.length; b++) {
                artists[i][b] = code(artistCodes, layer[b].artistKey());
                works[i][b] = code(workCodes, layer[b].signature());
            }
        }
        endArtists = new int[artistCodes.size()];
        for (PathSong end : new PathSong[] {from, to}) {
            Integer artist = end.artistKey() == null ? null : artistCodes.get(end.artistKey());
            if (artist != null) {
                endArtists[artist]++;
            }
        }
        in = new double[layers.size()][][];
        for (int i = 0; i < layers.size(); i++) {
            PathSong[] previous = i == 0 ? new PathSong[] {from} : layers.get(i - 1);
            PathSong[] current = layers.get(i);
            in[i] = new double[previous.length][current.length];
            for (int a = 0; a < previous.length; a++) {
                for (int b = 0; b < current.length; b++) {
                    in[i][a][b] = distance(previous[a], current[b]);
                }
            }
        }
        PathSong[] last = layers.isEmpty() ? new PathSong[] {from} : layers.getLast();
        out = new double[last.length];
        for (int b = 0; b < last.length; b++) {
            out[b] = distance(last[b], to);
        }
    }

    /** The usable candidates, or null when {@code fixedSize} asks for a layer none of whose songs can be used. */
    static PathGraph of(PathSong from, PathSong to, List<List<PathSong>> candidates, PathRules rules) {
        Map<String, Integer> endArtists = new HashMap<>();
        for (PathSong end : new PathSong[] {from, to}) {
            if (end.artistKey() != null) {
                endArtists.merge(end.artistKey(), 1, Integer::sum);
            }
        }
        List<PathSong[]> layers = new ArrayList<>(candidates.size());
        for (List<PathSong> layer : candidates) {
            PathSong[] usable = layer.stream().filter(song -> song.id() != from.id() && song.id() != to.id()
                    && (song.signature() == null || !song.signature().equals(from.signature())
                            && !song.signature().equals(to.signature()))
                    && (song.artistKey() == null || endArtists.getOrDefault(song.artistKey(), 0) < rules.maxPerArtist()))
                    .toArray(PathSong[]::new);
            if (usable.length > 0) {
                layers.add(usable);
            } else if (rules.fixedSize()) {
                return null;
            }
        }
        return new PathGraph(from, to, rules, layers);
    }

    private static int code(Map<String, Integer> codes, String key) {
        return key == null ? NONE : codes.computeIfAbsent(key, k -> codes.size());
    }

    static double distance(PathSong a, PathSong b) {
        return Angular.ofCosine(VectorUtil.dotProduct(a.vector(), b.vector()));
    }

    boolean nearDuplicate(double step) {
        return step < rules.duplicateDistance();
    }

    PathRules rules() {
        return rules;
    }

    int size() {
        return layers.size();
    }

    /**
     * Whether song {@code b} of layer {@code i} may follow {@code state}: not in its path yet, not the same work as
     * a song in it, and its artist not at the cap (the end songs counted). A walk back along the path: a few
     * dozen integer comparisons, no allocation.
     */
    boolean allows(PathState state, int i, int b) {
        long id = layers.get(i)[b].id();
        int artist = artists[i][b];
        int work = works[i][b];
        int count = artist == NONE ? 0 : endArtists[artist];
        for (PathState s = state; s.parent() != null; s = s.parent()) { // the start song was filtered out already
            if (s.song().id() == id || work != NONE && s.work() == work) {
                return false;
            }
            if (artist != NONE && s.artist() == artist) {
                count++;
            }
        }
        return artist == NONE || count < rules.maxPerArtist();
    }
}
