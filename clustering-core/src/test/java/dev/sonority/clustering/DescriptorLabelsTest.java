package dev.sonority.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptorLabelsTest {

    @Test
    void oneLabelPerKnownDescriptorAtTheBandEdges() {
        // 90 BPM is the first medium tempo; 2/3 the first energetic energy
        assertThat(DescriptorLabels.scores(90, false, 2.0 / 3)).containsExactly(0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(DescriptorLabels.scores(89.9, true, 0.1)).containsExactly(1, 0, 0, 1, 0, 1, 0, 0);
        assertThat(DescriptorLabels.scores(Double.NaN, null, Double.NaN)).containsOnly(0);
    }
}
