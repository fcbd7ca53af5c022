package dev.sonority.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Block-by-block processing gives the whole-signal result, reuses its buffers and allocates nothing per block. */
class StreamingTest {

    private static final int RATE = 22_050;

    @Test
    void blocksOfAnySizeGiveTheWholeSignalResult() {
        float[] pcm = LoudnessGoldenTest.noise(RATE);
        Loudness whole = new LoudnessMeter(RATE).measure(pcm);
        LoudnessMeter meter = new LoudnessMeter(RATE);
        int[] sizes = {8192, 1, 777, 2205, 0, 4410, 13};
        for (int at = 0, k = 0; at < pcm.length; k++) {
            int n = Math.min(sizes[k % sizes.length], pcm.length - at);
            meter.process(pcm, at, n);
            at += n;
        }
        Loudness streamed = meter.result();
        assertThat(streamed.integratedLufs()).isCloseTo(whole.integratedLufs(), within(1e-9));
        assertThat(streamed.loudnessRangeLu()).isCloseTo(whole.loudnessRangeLu(), within(1e-9));
        assertThat(streamed.durationSeconds()).isEqualTo(whole.durationSeconds());
    }

    @Test
    void aResetMeterMeasuresAfresh() {
        LoudnessMeter meter = new LoudnessMeter(RATE);
        Loudness first = meter.measure(LoudnessGoldenTest.tones(RATE));
        meter.measure(LoudnessGoldenTest.noise(RATE));
        Loudness again = meter.measure(LoudnessGoldenTest.tones(RATE));
        assertThat(again).isEqualTo(first);
    }

    /** Longer than the initial 10-minute capacity of the hop list: it grows, and the result stays right. */
    @Test
    void longerThanTheInitialCapacity() {
        float[] minute = EbuTestCasesTest.tone(-23, 60, RATE, 1000);
        LoudnessMeter meter = new LoudnessMeter(RATE);
        for (int i = 0; i < 13; i++) {
            meter.process(minute, 0, minute.length);
        }
        Loudness l = meter.result();
        assertThat(l.durationSeconds()).isCloseTo(780, within(1e-9));
        assertThat(l.integratedLufs()).isCloseTo(-23 - Loudness.DUAL_MONO_OFFSET_DB, within(0.1));
        assertThat(l.loudnessRangeLu()).isCloseTo(0, within(0.01));
    }

    @Test
    void processingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] pcm = LoudnessGoldenTest.noise(RATE);
        LoudnessMeter meter = new LoudnessMeter(RATE);
        meter.measure(pcm);  // warm up
        meter.reset();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int at = 0; at < pcm.length; at += 8192) {
            meter.process(pcm, at, Math.min(8192, pcm.length - at));
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(1024);
        assertThat(meter.result().integratedLufs()).isNotNull();
    }
}
