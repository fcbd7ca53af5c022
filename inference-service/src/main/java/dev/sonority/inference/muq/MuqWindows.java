package dev.sonority.inference.muq;

import dev.sonority.inference.embedding.WindowLayout;

/** MuQ's windows: 10 s at 24 kHz, no overlap, one aligned to the end; a shorter track as it is. */
final class MuqWindows {

    static final int SAMPLE_RATE = 24_000;
    static final WindowLayout LAYOUT = new WindowLayout(10 * SAMPLE_RATE, 10 * SAMPLE_RATE, SAMPLE_RATE, false);
    static final String INPUT = "waveform";

    private MuqWindows() {
    }
}
