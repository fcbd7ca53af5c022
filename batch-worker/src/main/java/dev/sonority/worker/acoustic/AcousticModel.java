package dev.sonority.worker.acoustic;

import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.contract.models.ModelName;

/** The version and vector layout of the built-in acoustic model, shared by the analyzer and the re-vectorise job. */
public final class AcousticModel {

    /**
     * Bump when stored values change (raw layout, extractor, descriptors or search weights), so every song is
     * analysed again. acoustic-4: 91 raw dimensions ({@link AcousticVector}), search vector, beat confidence,
     * danceability, dynamic complexity.
     */
    public static final String VERSION = "acoustic-4";
    public static final String NAME = ModelName.ACOUSTIC_FEATURES.apiName();
    /** The search vector's weights. */
    public static final AcousticVector SEARCH = AcousticVector.SEARCH;

    private AcousticModel() {
    }
}
