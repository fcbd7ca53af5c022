package dev.sonority.bench.realmusic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MIREX Acc1/Acc2 at 4 % (Gouyon et al. 2006); the boundaries are worked out by hand from the definition. */
class TempoAccuracyTest {

    @Test
    void acc1AcceptsFourPercentOfTheReferenceAndNoMore() {
        assertThat(TempoAccuracy.acc1(104.0, 100)).isTrue();
        assertThat(TempoAccuracy.acc1(96.0, 100)).isTrue();
        assertThat(TempoAccuracy.acc1(104.1, 100)).isFalse();
        assertThat(TempoAccuracy.acc1(200.0, 100)).isFalse();
        assertThat(TempoAccuracy.acc1(null, 100)).isFalse();
    }

    @Test
    void acc2ForgivesDoubleHalfTripleAndThirdWithinFourPercentOfThatMultiple() {
        assertThat(TempoAccuracy.acc2(207.9, 100)).isTrue();  // 2 x 100 = 200, tolerance 8
        assertThat(TempoAccuracy.acc2(208.1, 100)).isFalse();
        assertThat(TempoAccuracy.acc2(51.9, 100)).isTrue();   // 50 +- 2
        assertThat(TempoAccuracy.acc2(52.1, 100)).isFalse();
        assertThat(TempoAccuracy.acc2(312.0, 100)).isTrue();  // 300 +- 12
        assertThat(TempoAccuracy.acc2(34.6, 100)).isTrue();   // 33.33 +- 1.33
        assertThat(TempoAccuracy.acc2(35.0, 100)).isFalse();
        assertThat(TempoAccuracy.acc2(150.0, 100)).isFalse(); // 3/2 is not forgiven
        assertThat(TempoAccuracy.acc2(null, 100)).isFalse();
    }
}
