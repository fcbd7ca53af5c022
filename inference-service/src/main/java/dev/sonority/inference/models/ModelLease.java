package dev.sonority.inference.models;

import dev.sonority.inference.spi.LoadedModel;

/**
 * A loaded model held by one request: the registry does not unload it until every lease is closed. Use it in a
 * try-with-resources block.
 */
public final class ModelLease implements AutoCloseable {

    private final ModelSlot slot;
    private final LoadedModel model;
    private boolean closed;

    ModelLease(ModelSlot slot, LoadedModel model) {
        this.slot = slot;
        this.model = model;
    }

    public LoadedModel model() {
        return model;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            slot.release();
        }
    }
}
