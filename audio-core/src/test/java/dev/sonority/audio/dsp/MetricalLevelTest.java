package dev.sonority.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link MetricalLevel} on hand-built envelopes: single-frame hits on a 16-step bar of 172 frames, the
 * 4-second segment the ratios are measured on (round(4 * 22 050 / 512)), so every segment holds exactly one bar
 * and the ratios are the bar's own means. The beat (4 steps) is 43 frames, 60.1 BPM, its eighth notes 120.2 BPM,
 * both inside the 55-210 BPM band. 30 s of frames; the hit of step {@code k} is on frame {@code round(10.75 k)},
 * where the grids round to as well.
 */
class MetricalLevelTest {

    private static final double FRAME_RATE = 22_050.0 / 512;
    private static final int BAR = 172;
    private static final double STEP = BAR / 16.0;
    private static final int BEAT = BAR / 4;
    private static final int FRAMES = (int) (30 * FRAME_RATE);

    private final MetricalLevel level = new MetricalLevel(FRAME_RATE);

    @Test
    void clicksOnEveryBeatAreTheBeatFromTwoBeatsOrOne() {
        double[] clicks = hits(step -> step % 4 == 0 ? 1.0 : 0.0);
        // from two beats: the half-period phase holds a click as strong as the grid's (ratio 1): halve; at one beat
        // the half-period phase is empty (ratio 0): stop
        assertThat(level.beatPeriod(clicks, clicks, clicks, FRAMES, 2 * BEAT)).isCloseTo(BEAT, within(1e-9));
        assertThat(level.beatPeriod(clicks, clicks, clicks, FRAMES, BEAT)).isCloseTo(BEAT, within(1e-9));
    }

    @Test
    void sixteenthHatsKeepAFunkBeatThatLowBandsAloneWouldHalve() {
        // low band: kick (1.0) on steps 0, 6, 10, snare (0.8) on 4 and 12; cymbals: hi-hat sixteenths, 1.0 on the
        // beats and 0.5 between; full band: the sum
        double[] low = hits(step -> step == 0 || step == 6 || step == 10 ? 1.0 : step == 4 || step == 12 ? 0.8 : 0.0);
        double[] cymbals = hits(step -> step % 4 == 0 ? 1.0 : 0.5);
        double[] full = sum(low, cymbals);
        // low band at one beat: grid {0, 4, 8, 12} means (1 + 0.8 + 0 + 0.8) / 4 = 0.65, half phase {2, 6, 10, 14}
        // 0.5, ratio 0.77 >= FASTER: without the cymbals the beat is halved into its eighths (then the sixteenths
        // between them are empty in the low band, so it stops there)
        assertThat(level.accentRatio(low, FRAMES, BEAT)).isCloseTo(0.5 / 0.65, within(1e-9));
        assertThat(level.beatPeriod(low, full, null, FRAMES, BEAT)).isCloseTo(BEAT / 2.0, within(1e-9));
        // cymbals at both quarter points 0.5 / 1.0; full band 0.5 / ((2 + 1.8 + 1 + 1.8) / 4) = 0.30: both at least
        // SUBDIVIDED, so the beat of four sixteenths is kept
        assertThat(level.subdivisionRatio(cymbals, FRAMES, BEAT)).isCloseTo(0.5, within(1e-9));
        assertThat(level.subdivisionRatio(full, FRAMES, BEAT)).isCloseTo(0.5 / 1.65, within(1e-9));
        assertThat(level.beatPeriod(low, full, cymbals, FRAMES, BEAT)).isCloseTo(BEAT, within(1e-9));
    }

    @Test
    void eighthHatsUnderASnareDoNotStopARockHalfBarFromHalving() {
        // low band: kick (1.0) on steps 0 and 8, snare (0.8) on 4 and 12; cymbals: hi-hat eighths (0.2) and the
        // snare's top (0.8) on 4 and 12
        double[] low = hits(step -> step == 0 || step == 8 ? 1.0 : step == 4 || step == 12 ? 0.8 : 0.0);
        double[] cymbals = hits(step -> (step % 2 == 0 ? 0.2 : 0.0) + (step == 4 || step == 12 ? 0.8 : 0.0));
        double[] full = sum(low, cymbals);
        // half bar (two beats): cymbal grid strongest on the snares (1.0), its quarter points (steps 6 and 14,
        // 2 and 10) hold a hat only: 0.2 < SUBDIVIDED, so the low band's ratio (snare 0.8 against kick 1.0)
        // halves it; at one beat the eighths between are empty in the low band
        assertThat(level.subdivisionRatio(cymbals, FRAMES, 2 * BEAT)).isCloseTo(0.2, within(1e-9));
        assertThat(level.beatPeriod(low, full, cymbals, FRAMES, 2 * BEAT)).isCloseTo(BEAT, within(1e-9));
    }

    private interface StepLevel {
        double at(int step);
    }

    private static double[] hits(StepLevel levels) {
        double[] envelope = new double[FRAMES];
        for (int step = 0; Math.round(step * STEP) < FRAMES; step++) {
            envelope[(int) Math.round(step * STEP)] = levels.at(step % 16);
        }
        return envelope;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
