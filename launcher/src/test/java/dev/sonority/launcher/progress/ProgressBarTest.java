package dev.sonority.launcher.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theIssuesExample() {
        // 1040 of 2000 = 52 %: 5 of 10 cells; 960 left at 120/s = 8 s
        assertThat(ProgressBar.render("Scanning", 1040, 2000, 0, 120, "files", 10))
                .isEqualTo("Scanning  [#####.....] 52%  1040/2000 files  120/s  ETA 0:08");
    }

    @Test
    void unknownRateAndTotalFollowTheTaskPercent() {
        assertThat(ProgressBar.render("Analysing", -1, -1, 37, Double.NaN, "songs", 10))
                .isEqualTo("Analysing [###.......] 37%  --/s  ETA --:--");
        assertThat(ProgressBar.render("Scanning", 12, 0, 0, Double.NaN, "files", 4))
                .isEqualTo("Scanning  [....] 0%  12 files  --/s  ETA --:--");
    }

    @Test
    void finishedSlowAndLongLines() {
        assertThat(ProgressBar.render("Scanning", 2000, 2000, 100, Double.NaN, "files", 10))
                .isEqualTo("Scanning  [##########] 100%  2000/2000 files  --/s  ETA 0:00");
        // 3 of 7 = 42.86 % -> 42 %, 4.29 cells -> 4; 4 left at 0.25/s = 16 s
        assertThat(ProgressBar.render("Analysing", 3, 7, 0, 0.25, "songs", 10))
                .isEqualTo("Analysing [####......] 42%  3/7 songs  0.3/s  ETA 0:16");
        // 10 000 left at 2.5/s = 4000 s = 1:06:40
        assertThat(ProgressBar.render("Analysing", 0, 10_000, 0, 2.5, "songs", 5))
                .isEqualTo("Analysing [.....] 0%  0/10000 songs  2.5/s  ETA 1:06:40");
        // more done than the total (files added during the scan) is capped at a full bar
        assertThat(ProgressBar.render("Scanning", 11, 10, 0, 20, "files", 2))
                .isEqualTo("Scanning  [##] 100%  11/10 files  20/s  ETA 0:00");
    }

    @Test
    void rateOverTheWindow() {
        RateMeter meter = new RateMeter(Duration.ofSeconds(10));
        assertThat(meter.perSecond()).isNaN();
        meter.record(0, 0);
        meter.record(200_000_000L, 50); // too short to say
        assertThat(meter.perSecond()).isNaN();
        meter.record(2_000_000_000L, 100);
        assertThat(meter.perSecond()).isEqualTo(50.0);
        meter.record(20_000_000_000L, 100); // a long pause: only the last window counts
        meter.record(22_000_000_000L, 140);
        assertThat(meter.perSecond()).isEqualTo(20.0);
        meter.record(23_000_000_000L, 5); // a new task starts counting from 0
        assertThat(meter.perSecond()).isNaN();
    }
}
