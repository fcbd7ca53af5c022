package dev.sonority.contract.models;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every analysis model Sonority knows, with the name the API and the database use for it.
 *
 * <p>The API names are part of the Lainbow contract ({@code acoustic_features}, {@code clap}, {@code mert},
 * {@code muq}, {@code muq_mulan}); {@code musicnn} and {@code text_minilm} are Sonority's own.
 */
public enum ModelName {
    ACOUSTIC_FEATURES("acoustic_features", Kind.AUDIO),
    MUSICNN("musicnn", Kind.AUDIO),
    CLAP("clap", Kind.AUDIO_AND_TEXT),
    MERT("mert", Kind.AUDIO),
    MUQ("muq", Kind.AUDIO),
    MUQ_MULAN("muq_mulan", Kind.AUDIO_AND_TEXT),
    TEXT_MINILM("text_minilm", Kind.TEXT);

    /** What a model embeds. */
    public enum Kind { AUDIO, TEXT, AUDIO_AND_TEXT }

    private final String apiName;
    private final Kind kind;

    ModelName(String apiName, Kind kind) {
        this.apiName = apiName;
        this.kind = kind;
    }

    /** The name used in URLs, JSON and the database. */
    public String apiName() {
        return apiName;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The shortest audio this model embeds. MusiCNN needs one whole patch: 187 mel frames of hop 256 and window
     * 512 at 16 kHz, (187 - 1) * 256 + 512 = 48,128 samples = 3.008 s (inference-service's MusicnnMel checks
     * that it agrees). The others pad short input; a second is the least that is worth a search.
     */
    public java.time.Duration minimumClip() {
        return this == MUSICNN ? java.time.Duration.ofNanos(3_008_000_000L) : java.time.Duration.ofSeconds(1);
    }

    /** Whether songs are analysed with this model (as opposed to a text-only model). */
    public boolean analysesAudio() {
        return kind != Kind.TEXT;
    }

    /** The model with this API name, if any. Matching is exact: API names are lower case. */
    public static Optional<ModelName> fromApiName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ModelName model : values()) {
            if (model.apiName.equals(name)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** The API names of all models, in declaration order, for error messages that list the valid ones. */
    public static List<String> apiNames() {
        return Arrays.stream(values()).map(ModelName::apiName).toList();
    }

    @Override
    public String toString() {
        return apiName;
    }
}
