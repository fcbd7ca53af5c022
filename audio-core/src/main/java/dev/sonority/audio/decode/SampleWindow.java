package dev.sonority.audio.decode;

/**
 * Passes on only the samples of the selected window: drops those before its start (after a seek the decoder
 * starts at the packet before the target) and stops after its length.
 */
final class SampleWindow implements PcmConsumer {

    private final PcmConsumer downstream;
    private final long limitSamples;
    private long skipSamples;
    private long delivered;
    private boolean consumerStopped;

    SampleWindow(PcmConsumer downstream, long limitSamples) {
        this.downstream = downstream;
        this.limitSamples = limitSamples;
    }

    /** Sets how many of the coming samples lie before the window start. */
    void skip(long samples) {
        skipSamples = Math.max(0, samples);
    }

    @Override
    public boolean accept(float[] block, int length) {
        int start = 0;
        if (skipSamples > 0) {
            int skipped = (int) Math.min(skipSamples, length);
            skipSamples -= skipped;
            start = skipped;
        }
        int count = (int) Math.min(length - start, limitSamples - delivered);
        if (count > 0) {
            if (start > 0) {
                System.arraycopy(block, start, block, 0, count);
            }
            delivered += count;
            if (!downstream.accept(block, count)) {
                consumerStopped = true;
                return false;
            }
        }
        return !isFull();
    }

    boolean isFull() {
        return delivered >= limitSamples;
    }

    /** True when decoding ended early because the window was filled or the consumer asked to stop. */
    boolean stoppedEarly() {
        return consumerStopped || isFull();
    }

    long delivered() {
        return delivered;
    }
}
