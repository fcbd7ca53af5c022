package dev.sonority.api.discovery.artists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Summaries of generated artists in a 512-d space. Expected components are computed here from how the songs were
 * generated: the mean direction and the share of each style.
 */
class ArtistMixtureTest {

    private static final int DIM = 512;

    @Test
    void anArtistWithManySongsInThreeStylesGetsThreeComponentsWithTheirSharesAndDirections() {
        Random random = new Random(4);
        float[][] styles = {unit(gaussian(random, null, 1)), unit(gaussian(random, null, 1)), unit(gaussian(random, null, 1))};
        int[] counts = {30, 20, 10};
        List<float[]> songs = new ArrayList<>();
        List<List<float[]>> byStyle = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            byStyle.add(new ArrayList<>());
            for (int i = 0; i < counts[s]; i++) {
                float[] song = unit(gaussian(random, styles[s], 0.5 / Math.sqrt(DIM)));
                songs.add(song);
                byStyle.get(s).add(song);
            }
        }
        java.util.Collections.shuffle(songs, random);
        List<MixtureComponent> components = ArtistMixture.of(songs);
        assertThat(components).hasSize(3);
        List<MixtureComponent> byWeight = components.stream()
                .sorted(Comparator.comparingDouble(MixtureComponent::weight).reversed()).toList();
        for (int s = 0; s < 3; s++) {
            assertThat(byWeight.get(s).weight()).as("style %d", s).isCloseTo(counts[s] / 60.0, within(0.02));
            float[] mean = mean(byStyle.get(s));
            assertThat(angle(byWeight.get(s).vector(), mean)).as("style %d", s).isLessThan(0.01);
        }
    }

    @Test
    void anArtistWithFewSongsIsItsCentroid() {
        Random random = new Random(5);
        List<float[]> songs = new ArrayList<>();
        for (int i = 0; i < ArtistMixture.MIXTURE_FROM - 1; i++) {
            songs.add(unit(gaussian(random, null, 1)));
        }
        List<MixtureComponent> components = ArtistMixture.of(songs);
        assertThat(components).hasSize(1);
        assertThat(components.getFirst().weight()).isEqualTo(1);
        assertThat(angle(components.getFirst().vector(), mean(songs))).isLessThan(1e-5);
    }

    @Test
    void anArtistWithManySongsInOneStyleStaysOneComponent() {
        Random random = new Random(6);
        float[] style = unit(gaussian(random, null, 1));
        List<float[]> songs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            songs.add(unit(gaussian(random, style, 0.5 / Math.sqrt(DIM))));
        }
        List<MixtureComponent> components = ArtistMixture.of(songs);
        assertThat(components).hasSize(1);
        assertThat(angle(components.getFirst().vector(), mean(songs))).isLessThan(1e-5);
    }

    @Test
    void theSameSongsGiveTheSameSummary() {
        Random random = new Random(7);
        List<float[]> songs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            songs.add(unit(gaussian(random, null, 1)));
        }
        List<MixtureComponent> once = ArtistMixture.of(songs);
        List<MixtureComponent> again = ArtistMixture.of(songs);
        assertThat(again).hasSameSizeAs(once);
        for (int c = 0; c < once.size(); c++) {
            assertThat(again.get(c).vector()).containsExactly(once.get(c).vector());
        }
    }

    static double angle(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)))) / Math.PI;
    }

    static float[] mean(List<float[]> vectors) {
        float[] mean = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        return mean;
    }

    static float[] gaussian(Random random, float[] around, double sigma) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) ((around == null ? 0 : around[i]) + sigma * random.nextGaussian());
        }
        return v;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
