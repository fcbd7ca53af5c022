package dev.sonority.api.discovery.path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Songs as unit vectors in Gaussian clusters (styles), a few artists per cluster so artist caps bind, and some
 * songs released twice (the same artist and title, a near-identical vector) so the work and near-duplicate
 * rules bind too. Candidates of a point are its exact nearest neighbours, by brute force.
 */
final class GeneratedLibrary {

    final List<PathSong> songs = new ArrayList<>();

    GeneratedLibrary(long seed, int count, int dim, int clusters, double spread) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = unit(gaussian(random, dim, null, 1));
        }
        for (int i = 0; i < count; i++) {
            int cluster = random.nextInt(clusters);
            if (i > 0 && random.nextInt(20) == 0) { // a second release of an earlier song
                PathSong original = songs.get(random.nextInt(songs.size()));
                songs.add(new PathSong(i, unit(gaussian(random, dim, original.vector(), 0.002)), original.artistKey(),
                        original.signature()));
                continue;
            }
            String artist = "artist " + cluster + "." + random.nextInt(3);
            songs.add(new PathSong(i, unit(gaussian(random, dim, centres[cluster], spread / Math.sqrt(dim))), artist,
                    artist + "\u0000title " + i));
        }
    }

    /** The {@code k} songs nearest to {@code point}, nearest first, the ends excluded. */
    List<PathSong> nearest(float[] point, int k, PathSong from, PathSong to) {
        return songs.stream().filter(s -> s.id() != from.id() && s.id() != to.id())
                .sorted(Comparator.comparingDouble((PathSong s) -> -dot(point, s.vector())).thenComparingLong(PathSong::id))
                .limit(k).toList();
    }

    /** The candidates of the {@code steps - 2} points between the ends, spread by slerp (computed here). */
    List<List<PathSong>> candidates(PathSong from, PathSong to, int steps, int k) {
        return IntStream.range(1, steps - 1)
                .mapToObj(i -> nearest(slerp(from.vector(), to.vector(), i / (double) (steps - 1)), k, from, to))
                .toList();
    }

    static float[] slerp(float[] a, float[] b, double t) {
        double theta = Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
        float[] p = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = (float) ((Math.sin((1 - t) * theta) * a[i] + Math.sin(t * theta) * b[i]) / Math.sin(theta));
        }
        return p;
    }

    static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    private static float[] gaussian(Random random, int dim, float[] around, double sigma) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) ((around == null ? 0 : around[i]) + sigma * random.nextGaussian());
        }
        return v;
    }

    static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
