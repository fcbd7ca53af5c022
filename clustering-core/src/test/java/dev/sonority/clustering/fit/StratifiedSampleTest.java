package dev.sonority.clustering.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StratifiedSampleTest {

    @Test
    void eachGenreGetsItsShareWithoutRepeats() {
        String[] genres = new String[1000];
        for (int i = 0; i < genres.length; i++) { // 70 % rock, 20 % jazz, 10 % unknown
            genres[i] = i % 10 < 7 ? "rock" : i % 10 < 9 ? "jazz" : null;
        }
        int[] sample = StratifiedSample.draw(genres, 100, new SplittableRandom(1));
        assertThat(sample).hasSize(100).doesNotHaveDuplicates();
        assertThat(Arrays.stream(sample).filter(i -> "rock".equals(genres[i])).count()).isEqualTo(70);
        assertThat(Arrays.stream(sample).filter(i -> "jazz".equals(genres[i])).count()).isEqualTo(20);
        assertThat(Arrays.stream(sample).filter(i -> genres[i] == null).count()).isEqualTo(10);
        assertThat(StratifiedSample.draw(genres, 100, new SplittableRandom(1))).isEqualTo(sample);
    }

    @Test
    void roundingRemaindersGoToTheLargestAndTheSizeIsExact() {
        String[] genres = {"a", "a", "b", "b", "b", "c", "c"}; // quotas of 3: 0.857, 1.286, 0.857
        int[] sample = StratifiedSample.draw(genres, 3, new SplittableRandom(2));
        assertThat(sample).hasSize(3);
        assertThat(Arrays.stream(sample).filter(i -> genres[i].equals("b")).count()).isEqualTo(1);
    }

    @Test
    void aSampleAsLargeAsTheLibraryIsTheLibrary() {
        assertThat(StratifiedSample.draw(new String[] {"x", null, "y"}, 10, new SplittableRandom(3)))
                .containsExactly(0, 1, 2);
    }
}
