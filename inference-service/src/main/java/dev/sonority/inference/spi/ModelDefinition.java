package dev.sonority.inference.spi;

import dev.sonority.contract.models.ModelName;

/**
 * One model the service can host: a Spring bean per manifest entry. The registry finds every bean of this type,
 * calls {@link #load} on first use (or at start for {@code MODELS_PRELOAD}), after checking that the manifest's
 * files exist and match their sha256, and closes what was loaded after {@code MODELS_IDLE_UNLOAD} of no use.
 *
 * <p>Implementations are stateless: everything a loaded model holds lives in the {@link LoadedModel} it returns.
 */
public interface ModelDefinition {

    /** The manifest entry this definition loads. */
    ModelName name();

    /**
     * Opens the model's ONNX sessions (through {@link ModelLoadContext#openSession}) and whatever else it needs.
     * Called by one thread at a time per model. Any exception marks the model {@code failed} with the exception's
     * message as reason (so make it say which file and what is wrong); other models are unaffected. Sessions and
     * batchers obtained from the context are closed by the registry if this method throws.
     */
    LoadedModel load(ModelLoadContext context) throws Exception;
}
